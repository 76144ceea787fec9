package org.linearmodels.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.modality.cv.util.NDImageUtils;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linearmodels.MnistImages;
import org.linearmodels.RealWorldDigits;
import org.linearmodels.data.ImageDataset;
import org.linearmodels.model.Framing;

/**
 * {@link Framer} frames in plain Java what libtorch framed before it: {@link #libtorchFrame} is
 * that framing, scaling and placing the crop with libtorch's own operations, and both must give
 * the same 784 pixels, to within float rounding, in both framings, for the test pictures of
 * every style and MNIST and Fashion-MNIST images drawn at four sizes.
 */
class FramerLibtorchTest {

    /** Float rounding: the sums run in another order in libtorch. */
    private static final float TOLERANCE = 1e-5f;

    @Test
    void plainJavaFramesEveryPictureAsLibtorchDid() throws IOException {
        List<Image> pictures = new ArrayList<>();
        List<String> sources = RealWorldDigits.sources();
        for (RealWorldDigits.Style style : RealWorldDigits.Style.values()) {
            // Each style from one font or hand, a different one for the next style.
            String source = sources.get(style.ordinal() % sources.size());
            for (int digit = 0; digit < 10; digit++) {
                RealWorldDigits.Sample sample = RealWorldDigits.sample(style, source, digit);
                pictures.add(ImageFiles.readGray(sample.bytes(), source));
            }
        }
        for (int index = 0; index < 20; index++) {
            for (int scale = 1; scale <= 4; scale++) {
                pictures.add(ImageFactory.getInstance().fromImage(MnistImages.drawn(
                        ImageDataset.MNIST, index, scale, index % 2 == 0)));
                pictures.add(ImageFactory.getInstance().fromImage(MnistImages.drawn(
                        ImageDataset.FASHION_MNIST, index, scale, index % 2 == 1)));
            }
        }
        int compared = 0;
        try (NDManager manager = NDManager.newBaseManager()) {
            for (Image picture : pictures) {
                for (Framing style : Framing.values()) {
                    NDArray grey = picture.toNDArray(manager, Image.Flag.GRAYSCALE);
                    float[] expected;
                    try {
                        expected = libtorchFrame(grey, style).toFloatArray();
                    } catch (BlankPictureException e) {
                        continue;
                    }
                    float[] actual = Framer.frame(picture, style);
                    assertArrayEquals(expected, actual, TOLERANCE, style + " framing differs");
                    assertArrayEquals(expected, Framer.frame(grey, style).toFloatArray(),
                            TOLERANCE, style + " framing of an NDArray differs");
                    compared++;
                }
                sameGrey(picture, manager);
            }
        }
        assertTrue(compared > 400, "only " + compared + " pictures framed");
    }

    /** DJL's grey bytes and the ones Framer reads without libtorch are the same. */
    private static void sameGrey(Image picture, NDManager manager) {
        assertArrayEquals(picture.toNDArray(manager, Image.Flag.GRAYSCALE).toByteArray(),
                Framer.grey(picture));
    }

    /** The scaling and placing as libtorch's operations did them, of the same crop. */
    private static NDArray libtorchFrame(NDArray gray, Framing style) {
        InkCrop.Crop crop = Framer.crop(gray.toType(DataType.UINT8, false).toByteArray(),
                (int) gray.getShape().get(1), (int) gray.getShape().get(0), style);
        NDManager manager = gray.getManager();
        NDArray canvas = manager.zeros(new Shape(1, Framer.SIZE, Framer.SIZE));
        NDArray ink = manager.create(crop.values(), new Shape(crop.height(), crop.width()));
        double scale = (double) style.box() / Math.max(crop.height(), crop.width());
        int boxHeight = (int) Math.max(1, Math.round(crop.height() * scale));
        int boxWidth = (int) Math.max(1, Math.round(crop.width() * scale));
        NDArray box = NDImageUtils.resize(ink.expandDims(2), boxWidth, boxHeight,
                Image.Interpolation.AREA).squeeze(2).clip(0f, 1f);
        long top;
        long left;
        if (style.centreOfMass()) {
            float mass = box.sum().getFloat();
            NDArray ys = manager.arange(boxHeight).toType(DataType.FLOAT32, false);
            NDArray xs = manager.arange(boxWidth).toType(DataType.FLOAT32, false);
            float centreY = box.sum(new int[] {1}).mul(ys).sum().getFloat() / mass;
            float centreX = box.sum(new int[] {0}).mul(xs).sum().getFloat() / mass;
            top = Math.max(0, Math.min(Framer.SIZE - boxHeight,
                    Math.round(Framer.SIZE / 2f - centreY)));
            left = Math.max(0, Math.min(Framer.SIZE - boxWidth,
                    Math.round(Framer.SIZE / 2f - centreX)));
        } else {
            top = (Framer.SIZE - boxHeight) / 2;
            left = (Framer.SIZE - boxWidth) / 2;
        }
        canvas.set(new NDIndex("0, {}:{}, {}:{}", top, top + boxHeight, left, left + boxWidth),
                box);
        return canvas;
    }
}
