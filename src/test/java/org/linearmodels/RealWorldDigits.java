package org.linearmodels;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Pictures of digits as users send them, made by code so the set is the same on every machine:
 * digits 0-9 in the Debian fonts ./test installs (fonts-dejavu-core, fonts-liberation) and in
 * handwriting-like strokes, each drawn in every {@link Style}. Every picture's randomness comes
 * from a seed made of its style, source and digit, so one picture never depends on another.
 */
public final class RealWorldDigits {

    /** How a picture was made, as a user's camera, scanner or drawing program would. */
    public enum Style {
        PLAIN, BOLD, THIN, SMALL, OFF_CENTRE, GREY_NOISE, LIGHT_ON_DARK, LIGHT_ON_DARK_FRAMED,
        DARK_FRAME, RULED, JPEG, PHOTO_OF_SCREEN, ROTATED;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /** One picture: its file's bytes and the name's extension ({@code png} or {@code jpg}). */
    public record Sample(Style style, String source, int digit, byte[] bytes, String extension) {}

    private static final List<String> FAMILIES = List.of("DejaVu Sans", "DejaVu Serif",
            "DejaVu Sans Mono", "Liberation Sans", "Liberation Serif", "Liberation Mono",
            "Liberation Sans Narrow");
    /** Used only where none of {@link #FAMILIES} is installed: the JDK's logical fonts. */
    private static final List<String> LOGICAL = List.of("SansSerif", "Serif", "Monospaced");
    private static final List<String> HANDS = List.of("hand-a", "hand-b", "hand-c");

    /**
     * Each digit's strokes as polylines in a unit box (x right, y down), the way a person
     * writes it; 0 and 8 are drawn as ellipses.
     */
    private static final double[][][] STROKES = {
        {},
        {{0.3, 0.2, 0.55, 0.0, 0.55, 1.0}},
        {{0.12, 0.25, 0.3, 0.04, 0.6, 0.0, 0.85, 0.18, 0.8, 0.42, 0.12, 1.0, 0.9, 0.98}},
        {{0.12, 0.1, 0.45, 0.0, 0.8, 0.12, 0.78, 0.35, 0.42, 0.48},
            {0.42, 0.48, 0.82, 0.6, 0.86, 0.85, 0.5, 1.0, 0.1, 0.9}},
        {{0.68, 1.0, 0.68, 0.0, 0.08, 0.68, 0.95, 0.68}},
        {{0.85, 0.02, 0.25, 0.02, 0.18, 0.45, 0.5, 0.38, 0.82, 0.5, 0.86, 0.78, 0.55, 0.98,
            0.12, 0.88}},
        {{0.75, 0.02, 0.45, 0.12, 0.2, 0.45, 0.18, 0.78, 0.4, 0.99, 0.72, 0.95, 0.82, 0.72,
            0.62, 0.52, 0.35, 0.55, 0.2, 0.72}},
        {{0.08, 0.02, 0.92, 0.02, 0.4, 1.0}},
        {},
        {{0.82, 0.3, 0.78, 0.62, 0.55, 1.0}},
    };

    private RealWorldDigits() {}

    /** The fonts and hands drawn: the installed ones of {@link #FAMILIES}, then the hands. */
    public static List<String> sources() {
        Set<String> installed = Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment()
                .getAvailableFontFamilyNames(Locale.ROOT));
        List<String> sources = new ArrayList<>(FAMILIES.stream()
                .filter(installed::contains).toList());
        if (sources.isEmpty()) {
            sources.addAll(LOGICAL);
        }
        sources.addAll(HANDS);
        return sources;
    }

    /** Every picture of {@code style}: each source's ten digits. */
    public static List<Sample> of(Style style) {
        List<Sample> samples = new ArrayList<>();
        for (String source : sources()) {
            for (int digit = 0; digit < 10; digit++) {
                samples.add(sample(style, source, digit));
            }
        }
        return samples;
    }

    /** The picture of {@code digit} from {@code source} in {@code style}. */
    public static Sample sample(Style style, String source, int digit) {
        Random random = new Random(31L * (31L * style.ordinal() + source.hashCode()) + digit);
        BufferedImage picture = draw(style, source, digit, random);
        boolean jpeg = style == Style.JPEG;
        return new Sample(style, source, digit,
                jpeg ? jpeg(picture, 0.2f + 0.4f * random.nextFloat()) : png(picture),
                jpeg ? "jpg" : "png");
    }

    private static BufferedImage draw(Style style, String source, int digit, Random random) {
        int width = 96 + random.nextInt(48);
        int height = 96 + random.nextInt(48);
        double size = height * (0.55 + 0.2 * random.nextDouble());
        double centreX = width / 2.0 + (random.nextDouble() - 0.5) * 0.1 * width;
        double centreY = height / 2.0 + (random.nextDouble() - 0.5) * 0.1 * height;
        double angle = 0;
        switch (style) {
            case SMALL -> {
                width = 240 + random.nextInt(80);
                height = 200 + random.nextInt(80);
                size = 22 + random.nextInt(10);
                centreX = width * (0.3 + 0.4 * random.nextDouble());
                centreY = height * (0.3 + 0.4 * random.nextDouble());
            }
            case OFF_CENTRE -> {
                width = 180 + random.nextInt(60);
                height = 150 + random.nextInt(50);
                size = 45 + random.nextInt(20);
                double margin = size * 0.6 + 4 + random.nextInt(8);
                centreX = random.nextBoolean() ? margin : width - margin;
                centreY = random.nextBoolean() ? margin : height - margin;
            }
            case ROTATED -> angle = Math.toRadians((random.nextBoolean() ? 1 : -1)
                    * (5 + 10 * random.nextDouble()));
            case DARK_FRAME, LIGHT_ON_DARK_FRAMED -> size *= 0.85;
            case RULED -> centreY -= height * 0.05;
            default -> { }
        }
        float[] ink = ink(width, height, source, digit, style, size, centreX, centreY, angle,
                random);
        float[] picture = new float[width * height];
        switch (style) {
            case GREY_NOISE -> greyPaperWithSpecks(picture, ink, width, height, random);
            case LIGHT_ON_DARK -> paint(picture, ink, 0.05f + 0.15f * random.nextFloat(),
                    0.85f + 0.15f * random.nextFloat());
            case LIGHT_ON_DARK_FRAMED -> framedLightOnDark(picture, ink, width, height, random);
            case DARK_FRAME -> darkFrame(picture, ink, width, height, random);
            case RULED -> ruled(picture, ink, width, height, size, centreY, random);
            case PHOTO_OF_SCREEN -> photoOfScreen(picture, ink, width, height, random);
            default -> paint(picture, ink, 0.93f + 0.07f * random.nextFloat(),
                    0.2f * random.nextFloat());
        }
        return rgb(picture, width, height);
    }

    /** How much ink covers each pixel, in [0, 1], the digit's box {@code size} pixels tall. */
    private static float[] ink(int width, int height, String source, int digit, Style style,
            double size, double centreX, double centreY, double angle, Random random) {
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = canvas.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING,
                RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL,
                RenderingHints.VALUE_STROKE_PURE);
        graphics.setColor(Color.WHITE);
        graphics.rotate(angle, centreX, centreY);
        boolean bold = style == Style.BOLD;
        boolean thin = style == Style.THIN;
        if (HANDS.contains(source)) {
            double stroke = size * (thin ? 0.025 : bold ? 0.2 : 0.07 + 0.05 * random.nextDouble());
            hand(graphics, digit, size, centreX, centreY, stroke, random);
        } else {
            Shape glyph = glyph(source, digit, size, centreX, centreY, random);
            graphics.fill(glyph);
            if (bold) {
                graphics.setStroke(new BasicStroke((float) (size * 0.09),
                        BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                graphics.draw(glyph);
            }
        }
        graphics.dispose();
        byte[] grey = ((DataBufferByte) canvas.getRaster().getDataBuffer())
                .getData();
        float[] ink = new float[grey.length];
        for (int i = 0; i < ink.length; i++) {
            ink[i] = (grey[i] & 0xFF) / 255f;
        }
        if (thin && !HANDS.contains(source)) {
            for (int pass = 0; pass < Math.round(size * 0.03); pass++) {
                ink = erode(ink, width, height);
            }
        }
        return ink;
    }

    /** The digit's outline in {@code family}, scaled so its box is {@code size} tall. */
    private static Shape glyph(String family, int digit, double size, double centreX,
            double centreY, Random random) {
        // Only fonts-liberation has its italics in the package ./test installs (DejaVu's are in
        // fonts-dejavu-extra); a synthesised italic would make the set differ between machines.
        boolean italic = family.startsWith("Liberation") && random.nextInt(3) == 0;
        Font font = new Font(family, italic ? Font.ITALIC : Font.PLAIN, 100);
        Shape outline = font.createGlyphVector(
                new FontRenderContext(null, true, true),
                Integer.toString(digit)).getOutline();
        Rectangle2D box = outline.getBounds2D();
        double scale = size / box.getHeight();
        AffineTransform place = new AffineTransform();
        place.translate(centreX, centreY);
        place.scale(scale, scale);
        place.translate(-box.getCenterX(), -box.getCenterY());
        return place.createTransformedShape(outline);
    }

    /** The digit in strokes of varying width, its points jittered and the whole slanted. */
    private static void hand(Graphics2D graphics, int digit, double size, double centreX,
            double centreY, double stroke, Random random) {
        double width = size * (0.55 + 0.15 * random.nextDouble());
        double slant = (random.nextDouble() - 0.3) * 0.35;
        List<List<Point2D>> lines = new ArrayList<>();
        if (digit == 0 || digit == 8 || digit == 9) {
            double[][] loops = digit == 0 ? new double[][] {{0.5, 0.5, 0.45, 0.5}}
                    : digit == 8 ? new double[][] {{0.5, 0.25, 0.32, 0.25}, {0.5, 0.72, 0.4,
                        0.28}} : new double[][] {{0.5, 0.3, 0.34, 0.3}};
            for (double[] loop : loops) {
                List<Point2D> points = new ArrayList<>();
                for (int i = 0; i <= 24; i++) {
                    double t = 2 * Math.PI * i / 24;
                    points.add(new Point2D.Double(loop[0] + loop[2] * Math.cos(t),
                            loop[1] + loop[3] * Math.sin(t)));
                }
                lines.add(points);
            }
        }
        for (double[] line : STROKES[digit]) {
            List<Point2D> points = new ArrayList<>();
            for (int i = 0; i < line.length; i += 2) {
                points.add(new Point2D.Double(line[i], line[i + 1]));
            }
            lines.add(points);
        }
        for (List<Point2D> points : lines) {
            Point2D previous = null;
            double jitterX = 0;
            double jitterY = 0;
            for (Point2D unit : points) {
                jitterX = 0.7 * jitterX + 0.03 * random.nextGaussian();
                jitterY = 0.7 * jitterY + 0.03 * random.nextGaussian();
                double y = unit.getY() + jitterY;
                Point2D point = new Point2D.Double(
                        centreX + (unit.getX() + jitterX - 0.5 + slant * (0.5 - y)) * width,
                        centreY + (y - 0.5) * size);
                if (previous != null) {
                    graphics.setStroke(new BasicStroke((float) (stroke
                            * (0.8 + 0.4 * random.nextDouble())), BasicStroke.CAP_ROUND,
                            BasicStroke.JOIN_ROUND));
                    graphics.draw(new Line2D.Double(previous, point));
                }
                previous = point;
            }
        }
    }

    /** Paper of brightness {@code paper} with ink of brightness {@code inkLevel}. */
    private static void paint(float[] picture, float[] ink, float paper, float inkLevel) {
        for (int i = 0; i < picture.length; i++) {
            picture[i] = paper + (inkLevel - paper) * ink[i];
        }
    }

    private static void greyPaperWithSpecks(float[] picture, float[] ink, int width,
            int height, Random random) {
        paint(picture, ink, 0.6f + 0.2f * random.nextFloat(), 0.1f + 0.15f * random.nextFloat());
        for (int i = 0; i < picture.length; i++) {
            picture[i] += 0.06f * (float) random.nextGaussian();
        }
        int specks = 10 + random.nextInt(25);
        for (int s = 0; s < specks; s++) {
            int x = random.nextInt(width);
            int y = random.nextInt(height);
            int radius = random.nextInt(2);
            float level = 0.1f + 0.3f * random.nextFloat();
            for (int dy = -radius; dy <= radius; dy++) {
                for (int dx = -radius; dx <= radius; dx++) {
                    if (x + dx >= 0 && x + dx < width && y + dy >= 0 && y + dy < height) {
                        picture[(y + dy) * width + x + dx] = level;
                    }
                }
            }
        }
    }

    /** A light digit on a dark panel, with a light margin around the panel or along two sides. */
    private static void framedLightOnDark(float[] picture, float[] ink, int width, int height,
            Random random) {
        paint(picture, ink, 0.05f + 0.15f * random.nextFloat(), 0.85f + 0.15f * random.nextFloat());
        int margin = 6 + random.nextInt(16);
        boolean allSides = random.nextBoolean();
        float paper = 0.85f + 0.15f * random.nextFloat();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean inMargin = x < margin || y < margin
                        || allSides && (x >= width - margin || y >= height - margin);
                if (inMargin) {
                    picture[y * width + x] = paper;
                }
            }
        }
    }

    /** Dark ink on white inside a dark rectangle drawn a few pixels in from the edges. */
    private static void darkFrame(float[] picture, float[] ink, int width, int height,
            Random random) {
        paint(picture, ink, 0.93f + 0.07f * random.nextFloat(), 0.2f * random.nextFloat());
        int inset = random.nextInt(8);
        int thickness = 2 + random.nextInt(5);
        float level = 0.25f * random.nextFloat();
        for (int y = inset; y < height - inset; y++) {
            for (int x = inset; x < width - inset; x++) {
                boolean edge = x < inset + thickness || x >= width - inset - thickness
                        || y < inset + thickness || y >= height - inset - thickness;
                if (edge) {
                    picture[y * width + x] = level;
                }
            }
        }
    }

    /** Dark ink on ruled paper: a line just under the digit, sometimes another above it. */
    private static void ruled(float[] picture, float[] ink, int width, int height, double size,
            double centreY, Random random) {
        paint(picture, ink, 0.93f + 0.07f * random.nextFloat(), 0.2f * random.nextFloat());
        float level = 0.25f + 0.4f * random.nextFloat();
        int thickness = 1 + random.nextInt(3);
        int below = (int) Math.round(centreY + size / 2 + 1 + random.nextInt(6));
        rule(picture, width, height, below, thickness, level);
        if (random.nextBoolean()) {
            rule(picture, width, height, (int) Math.round(centreY - size / 2 - 4
                    - random.nextInt(6)), thickness, level);
        }
    }

    private static void rule(float[] picture, int width, int height, int top, int thickness,
            float level) {
        for (int y = Math.max(0, top); y < Math.min(height, top + thickness); y++) {
            for (int x = 0; x < width; x++) {
                picture[y * width + x] = Math.min(picture[y * width + x], level);
            }
        }
    }

    /** Low contrast, light falling off across the picture, a blur, scan lines and noise. */
    private static void photoOfScreen(float[] picture, float[] ink, int width, int height,
            Random random) {
        paint(picture, ink, 0.55f + 0.2f * random.nextFloat(), 0.3f + 0.1f * random.nextFloat());
        double direction = 2 * Math.PI * random.nextDouble();
        double fall = 0.25 + 0.2 * random.nextDouble();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double along = ((x - width / 2.0) * Math.cos(direction)
                        + (y - height / 2.0) * Math.sin(direction)) / Math.max(width, height);
                picture[y * width + x] *= (float) (1 + fall * along);
                if (y % 3 == 0) {
                    picture[y * width + x] -= 0.03f;
                }
            }
        }
        float[] blurred = blur(blur(picture, width, height), width, height);
        for (int i = 0; i < picture.length; i++) {
            picture[i] = blurred[i] + 0.02f * (float) random.nextGaussian();
        }
    }

    private static float[] blur(float[] values, int width, int height) {
        float[] out = new float[values.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float sum = 0;
                int count = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        if (x + dx >= 0 && x + dx < width && y + dy >= 0 && y + dy < height) {
                            sum += values[(y + dy) * width + x + dx];
                            count++;
                        }
                    }
                }
                out[y * width + x] = sum / count;
            }
        }
        return out;
    }

    private static float[] erode(float[] values, int width, int height) {
        float[] out = Arrays.copyOf(values, values.length);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float least = values[y * width + x];
                if (x > 0) {
                    least = Math.min(least, values[y * width + x - 1]);
                }
                if (x < width - 1) {
                    least = Math.min(least, values[y * width + x + 1]);
                }
                if (y > 0) {
                    least = Math.min(least, values[(y - 1) * width + x]);
                }
                if (y < height - 1) {
                    least = Math.min(least, values[(y + 1) * width + x]);
                }
                out[y * width + x] = least;
            }
        }
        return out;
    }

    /** The grey picture as a slightly warm RGB image, as a camera or scanner makes one. */
    private static BufferedImage rgb(float[] picture, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float value = Math.max(0f, Math.min(1f, picture[y * width + x]));
                int grey = Math.round(255 * value);
                image.setRGB(x, y, new Color(grey, grey, Math.round(grey * 0.94f)).getRGB());
            }
        }
        return image;
    }

    private static byte[] png(BufferedImage picture) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(picture, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] jpeg(BufferedImage picture, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(picture, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
