package org.linearmodels.predict;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Small pictures for the tests of InkCrop's steps, as brightness in [0, 1] row by row: drawn
 * with Graphics2D (without antialiasing, so every pixel is exactly one level), or written as
 * rows of text.
 */
final class DrawnPictures {

    private DrawnPictures() {}

    /** Plain paper of brightness {@code level}. */
    static float[] paper(int width, int height, float level) {
        float[] picture = new float[width * height];
        Arrays.fill(picture, level);
        return picture;
    }

    /** Paints what {@code draw} draws onto {@code picture} in brightness {@code level}. */
    static float[] paint(float[] picture, int width, float level, Consumer<Graphics2D> draw) {
        boolean[] drawn = drawn(width, picture.length / width, draw);
        for (int i = 0; i < picture.length; i++) {
            if (drawn[i]) {
                picture[i] = level;
            }
        }
        return picture;
    }

    /** The pixels {@code draw} draws on. */
    static boolean[] drawn(int width, int height, Consumer<Graphics2D> draw) {
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = canvas.createGraphics();
        graphics.setColor(Color.WHITE);
        draw.accept(graphics);
        graphics.dispose();
        byte[] grey = ((DataBufferByte) canvas.getRaster().getDataBuffer()).getData();
        boolean[] drawn = new boolean[grey.length];
        for (int i = 0; i < grey.length; i++) {
            drawn[i] = grey[i] != 0;
        }
        return drawn;
    }

    /** A mask written as rows of text: {@code #} is set, anything else is not. */
    static boolean[] mask(String... rows) {
        boolean[] mask = new boolean[rows.length * rows[0].length()];
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < rows[y].length(); x++) {
                mask[y * rows[0].length() + x] = rows[y].charAt(x) == '#';
            }
        }
        return mask;
    }

    /** How many pixels of {@code mask} are set. */
    static int count(boolean[] mask) {
        int count = 0;
        for (boolean set : mask) {
            count += set ? 1 : 0;
        }
        return count;
    }
}
