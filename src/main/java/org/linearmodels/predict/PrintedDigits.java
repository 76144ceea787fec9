package org.linearmodels.predict;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.linearmodels.errors.DataUnavailableException;
import org.linearmodels.model.Framing;

/**
 * Pictures of printed digits, framed as a user's picture is ({@link Framer}), to train an MNIST
 * model beside MNIST's handwriting: a linear model trained on handwriting alone reads printed
 * digits poorly (a printed 6 as a 5, a 0 or a 9 as an 8). Each digit is drawn in the typefaces
 * of Debian's fonts-urw-base35 (Avant Garde, Bookman, Century Schoolbook and Palatino's clones,
 * each upright, bold, italic and bold italic) at a random size, place and slant of up to 10°.
 */
public final class PrintedDigits {

    /** The Debian package that holds {@link #FAMILIES}. */
    public static final String PACKAGE = "fonts-urw-base35";
    /** The typefaces drawn in: none of them the designs of DejaVu or Liberation. */
    public static final List<String> FAMILIES = List.of("URW Gothic", "URW Bookman", "C059",
            "P052");
    private static final int[] STYLES = {Font.PLAIN, Font.BOLD, Font.ITALIC,
        Font.BOLD | Font.ITALIC};
    private static final int CANVAS = 160;

    private PrintedDigits() {}

    /** How many pictures {@link #draw} makes for {@code perTypeface}. */
    public static int count(int perTypeface) {
        return perTypeface * FAMILIES.size() * STYLES.length * 10;
    }

    /**
     * {@code perTypeface} pictures of each digit in each typeface, as MNIST's are stored: a
     * (n, 784) uint8 array of framed pictures, light ink on black, and their labels (n) int64,
     * in memory owned by {@code manager}; the same for the same {@code seed}.
     *
     * @throws DataUnavailableException if a typeface is not installed
     */
    public static NDList draw(int perTypeface, long seed, NDManager manager) {
        List<String> missing = missingTypefaces();
        if (!missing.isEmpty()) {
            throw new DataUnavailableException("printed digits are drawn in the typefaces of"
                    + " Debian's " + PACKAGE + ", and " + String.join(", ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " not installed; install them"
                    + " (sudo apt-get install " + PACKAGE + ").");
        }
        int n = count(perTypeface);
        byte[] pixels = new byte[n * Framer.SIZE * Framer.SIZE];
        long[] labels = new long[n];
        Random random = new Random(seed);
        BufferedImage canvas = new BufferedImage(CANVAS, CANVAS, BufferedImage.TYPE_BYTE_GRAY);
        byte[] grey = ((DataBufferByte) canvas.getRaster().getDataBuffer()).getData();
        int i = 0;
        for (String family : FAMILIES) {
            for (int style : STYLES) {
                for (int digit = 0; digit < 10; digit++) {
                    for (int copy = 0; copy < perTypeface; copy++) {
                        drawDigit(canvas, new Font(family, style, 40 + random.nextInt(51)),
                                digit, random);
                        float[] frame = Framer.frame(grey, CANVAS, CANVAS, Framing.MNIST);
                        for (int p = 0; p < frame.length; p++) {
                            pixels[i * frame.length + p] = (byte) Math.round(
                                    Math.max(0f, Math.min(1f, frame[p])) * 255f);
                        }
                        labels[i++] = digit;
                    }
                }
            }
        }
        NDArray images = manager.create(ByteBuffer.wrap(pixels),
                new Shape(n, Framer.SIZE * Framer.SIZE), DataType.UINT8);
        return new NDList(images, manager.create(labels));
    }

    /** Those of {@link #FAMILIES} this machine lacks. */
    public static List<String> missingTypefaces() {
        return missing(Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment()
                .getAvailableFontFamilyNames(Locale.ROOT)));
    }

    /** Those of {@link #FAMILIES} that {@code installed} lacks. */
    static List<String> missing(Set<String> installed) {
        return FAMILIES.stream().filter(family -> !installed.contains(family)).toList();
    }

    private static void drawDigit(BufferedImage canvas, Font font, int digit, Random random) {
        Graphics2D graphics = canvas.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, CANVAS, CANVAS);
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING,
                    RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
                    RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            graphics.rotate(Math.toRadians(20 * random.nextDouble() - 10), CANVAS / 2.0,
                    CANVAS / 2.0);
            graphics.setColor(Color.BLACK);
            graphics.setFont(font);
            graphics.drawString(Integer.toString(digit), 40 + random.nextInt(31) - 15,
                    CANVAS - 40 + random.nextInt(21) - 10);
        } finally {
            graphics.dispose();
        }
    }
}
