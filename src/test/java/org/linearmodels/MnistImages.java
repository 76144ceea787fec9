package org.linearmodels;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import org.linearmodels.data.DatasetCache;
import org.linearmodels.data.IdxFile;
import org.linearmodels.data.ImageDataset;

/** Real MNIST test images as pictures a user might hand the predictor. */
public final class MnistImages {

    private MnistImages() {}

    /** The raw 28×28 pixels (0 = background, 255 = ink) of test image {@code index}. */
    public static int[] pixels(ImageDataset dataset, int index) throws IOException {
        DatasetCache cache = TestData.cacheWith(dataset);
        byte[] raw = new byte[784];
        try (RandomAccessFile file = new RandomAccessFile(
                cache.file(dataset, IdxFile.TEST_IMAGES).toFile(), "r")) {
            file.seek(16 + 784L * index);
            file.readFully(raw);
        }
        int[] pixels = new int[784];
        for (int i = 0; i < 784; i++) {
            pixels[i] = raw[i] & 0xFF;
        }
        return pixels;
    }

    /** The label of test image {@code index}. */
    public static int label(ImageDataset dataset, int index) throws IOException {
        DatasetCache cache = TestData.cacheWith(dataset);
        try (RandomAccessFile file = new RandomAccessFile(
                cache.file(dataset, IdxFile.TEST_LABELS).toFile(), "r")) {
            file.seek(8 + index);
            return file.read();
        }
    }

    /**
     * Test image {@code index} drawn as a person would photograph or draw it: {@code scale}
     * times larger, smoothly, dark ink on white paper when {@code darkOnLight}, in colour.
     */
    public static BufferedImage drawn(ImageDataset dataset, int index, int scale,
            boolean darkOnLight) throws IOException {
        int[] pixels = pixels(dataset, index);
        BufferedImage small = new BufferedImage(28, 28, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < 784; i++) {
            int ink = darkOnLight ? 255 - pixels[i] : pixels[i];
            small.setRGB(i % 28, i / 28, new Color(ink, ink, ink).getRGB());
        }
        BufferedImage large = new BufferedImage(28 * scale, 28 * scale,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = large.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
                RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.drawImage(small, 0, 0, large.getWidth(), large.getHeight(), null);
        graphics.dispose();
        return large;
    }
}
