package org.linearmodels.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linearmodels.MnistImages;
import org.linearmodels.data.ImageDataset;
import org.linearmodels.model.Framing;

class FramerTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private NDArray normalize(BufferedImage picture) {
        Image image = ImageFactory.getInstance().fromImage(picture);
        return Framer.frame(image.toNDArray(manager, Image.Flag.GRAYSCALE),
                Framing.MNIST);
    }

    @Test
    void anMnistImageComesOutAsMnistMadeIt() throws IOException {
        NDArray out = normalize(MnistImages.drawn(ImageDataset.MNIST, 0, 1, false));
        assertEquals(new Shape(1, 28, 28), out.getShape());
        assertEquals(DataType.FLOAT32, out.getDataType());
        assertTrue(out.min().getFloat() >= 0 && out.max().getFloat() <= 1);
        int[] raw = MnistImages.pixels(ImageDataset.MNIST, 0);
        float[] original = new float[784];
        for (int i = 0; i < 784; i++) {
            original[i] = raw[i] / 255f;
        }
        float difference = out.sub(manager.create(original, new Shape(1, 28, 28)))
                .abs().mean().getFloat();
        assertTrue(difference < 0.02, "mean difference " + difference);
    }

    @Test
    void darkInkOnLightPaperGivesTheSameImageAsLightOnDark() throws IOException {
        NDArray light = normalize(MnistImages.drawn(ImageDataset.MNIST, 3, 4, false));
        NDArray dark = normalize(MnistImages.drawn(ImageDataset.MNIST, 3, 4, true));
        assertTrue(light.sub(dark).abs().max().getFloat() < 0.02);
    }

    @Test
    void aLargePictureIsScaledIntoTheTwentyPixelBoxAndCentred() throws IOException {
        NDArray out = normalize(MnistImages.drawn(ImageDataset.MNIST, 7, 9, true)).squeeze(0);
        long[] rows = out.max(new int[] {1}).gt(0f).nonzero().toLongArray();
        long[] columns = out.max(new int[] {0}).gt(0f).nonzero().toLongArray();
        long height = rows[rows.length - 1] - rows[0] + 1;
        long width = columns[columns.length - 1] - columns[0] + 1;
        assertEquals(20, Math.max(height, width));
        float mass = out.sum().getFloat();
        NDArray index = manager.arange(28f);
        float centreY = out.sum(new int[] {1}).mul(index).sum().getFloat() / mass;
        float centreX = out.sum(new int[] {0}).mul(index).sum().getFloat() / mass;
        assertEquals(14, centreY, 0.5);
        assertEquals(14, centreX, 0.5);
    }

    @Test
    void aBlankOrOnePixelPictureIsRefusedAsBlank() {
        for (BufferedImage blank : List.of(
                new BufferedImage(30, 60, BufferedImage.TYPE_BYTE_GRAY),
                new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY))) {
            BlankPictureException error = assertThrows(BlankPictureException.class,
                    () -> normalize(blank));
            assertEquals("no digit found: the picture is blank.", error.getMessage());
        }
    }
}
