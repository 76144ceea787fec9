package org.linearmodels.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Small grey images in a row with a caption of lines above each, as d2l's {@code show_images}
 * draws predictions. XChart draws charts, not images, so this is Java2D.
 */
public final class ImageGrid {

    /** One picture and the lines of its caption; {@code highlight} draws them in red. */
    public record Tile(float[] pixels, int size, List<String> caption, boolean highlight) {}

    private static final int SCALE = 5;
    private static final int MARGIN = 12;
    private static final Color WRONG = new Color(200, 30, 30);

    private ImageGrid() {}

    /**
     * Square images (one flattened row each) captioned with their true and predicted class
     * names, the wrong ones highlighted, as d2l's {@code predict_ch3} shows them.
     */
    public static void savePredictions(float[] pixels, long[] labels, int[] predicted,
            List<String> classNames, Path file) {
        int size = pixels.length / predicted.length;
        int side = (int) Math.round(Math.sqrt(size));
        List<Tile> tiles = new ArrayList<>();
        for (int i = 0; i < predicted.length; i++) {
            String truth = classNames.get(Math.toIntExact(labels[i]));
            String guess = classNames.get(predicted[i]);
            tiles.add(new Tile(Arrays.copyOfRange(pixels, i * size, (i + 1) * size), side,
                    List.of(truth, guess), !truth.equals(guess)));
        }
        save(tiles, file);
    }

    /** Draws {@code tiles} side by side into a PNG at {@code file}. */
    public static void save(List<Tile> tiles, Path file) {
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
        int lines = tiles.stream().mapToInt(t -> t.caption().size()).max().orElse(0);
        int tileSize = tiles.get(0).size() * SCALE;
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D measure = probe.createGraphics();
        FontMetrics metrics = measure.getFontMetrics(font);
        measure.dispose();
        int captionHeight = lines * metrics.getHeight() + MARGIN / 2;
        int width = tiles.size() * (tileSize + MARGIN) + MARGIN;
        int height = captionHeight + tileSize + 2 * MARGIN;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
                RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, width, height);
        graphics.setFont(font);
        for (int t = 0; t < tiles.size(); t++) {
            Tile tile = tiles.get(t);
            int left = MARGIN + t * (tileSize + MARGIN);
            graphics.setColor(tile.highlight() ? WRONG : Color.BLACK);
            for (int line = 0; line < tile.caption().size(); line++) {
                String text = tile.caption().get(line);
                int x = left + (tileSize - metrics.stringWidth(text)) / 2;
                graphics.drawString(text, x, MARGIN + (line + 1) * metrics.getHeight());
            }
            int top = MARGIN + captionHeight;
            for (int y = 0; y < tile.size(); y++) {
                for (int x = 0; x < tile.size(); x++) {
                    float value = Math.max(0f, Math.min(1f, tile.pixels()[y * tile.size() + x]));
                    int grey = Math.round(255 * value);
                    graphics.setColor(new Color(grey, grey, grey));
                    graphics.fillRect(left + x * SCALE, top + y * SCALE, SCALE, SCALE);
                }
            }
        }
        graphics.dispose();
        Figure.writePng(image, file);
    }
}
