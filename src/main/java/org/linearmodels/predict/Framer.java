package org.linearmodels.predict;

import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.util.NDImageUtils;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.linearmodels.model.Framing;

/**
 * Frames any grey picture of one object as the images a model was trained on were framed: the
 * object is found and cut out as light ink on black ({@link InkCrop}: a digit robustly, among
 * frames, lines, specks and uneven light; a garment as the whole picture's ink), then its box is
 * scaled (keeping its aspect) and placed in a 28×28 frame as its {@link Framing} says. A blank
 * picture is refused with a {@link BlankPictureException}.
 */
public final class Framer {

    public static final int SIZE = 28;

    private Framer() {}

    /**
     * @param gray an (H, W, 1) uint8 image
     * @return a (1, 28, 28) float32 image in [0, 1], in the manager of {@code gray}
     */
    public static NDArray frame(NDArray gray, Framing style) {
        int[] size = new int[2];
        float[] picture = InkCrop.brightness(gray.toType(DataType.UINT8, false).toByteArray(),
                (int) gray.getShape().get(1), (int) gray.getShape().get(0), size);
        if (InkCrop.blank(picture, size[0], size[1])) {
            throw new BlankPictureException(style.thing());
        }
        InkCrop.Crop crop = style == Framing.MNIST
                ? InkCrop.withMnistStroke(InkCrop.digit(picture, size[0], size[1]), style.box())
                : InkCrop.object(picture, size[0], size[1]);
        NDArray canvas = gray.getManager().zeros(new Shape(1, SIZE, SIZE));
        NDArray ink = gray.getManager().create(crop.values(),
                new Shape(crop.height(), crop.width()));
        long height = crop.height();
        long width = crop.width();
        double scale = (double) style.box() / Math.max(height, width);
        int boxHeight = (int) Math.max(1, Math.round(height * scale));
        int boxWidth = (int) Math.max(1, Math.round(width * scale));
        NDArray box = NDImageUtils.resize(ink.expandDims(2), boxWidth, boxHeight,
                Image.Interpolation.AREA).squeeze(2).clip(0f, 1f);
        long top;
        long left;
        if (style.centreOfMass()) {
            float mass = box.sum().getFloat();
            NDArray ys = box.getManager().arange(boxHeight).toType(DataType.FLOAT32, false);
            NDArray xs = box.getManager().arange(boxWidth).toType(DataType.FLOAT32, false);
            float centreY = box.sum(new int[] {1}).mul(ys).sum().getFloat() / mass;
            float centreX = box.sum(new int[] {0}).mul(xs).sum().getFloat() / mass;
            top = clamp(Math.round(SIZE / 2f - centreY), SIZE - boxHeight);
            left = clamp(Math.round(SIZE / 2f - centreX), SIZE - boxWidth);
        } else {
            top = (SIZE - boxHeight) / 2;
            left = (SIZE - boxWidth) / 2;
        }
        canvas.set(new NDIndex("0, {}:{}, {}:{}", top, top + boxHeight, left, left + boxWidth),
                box);
        return canvas;
    }

    private static long clamp(long value, long max) {
        return Math.max(0, Math.min(max, value));
    }
}
