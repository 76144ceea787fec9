package org.linearmodels.predict;

import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.util.NDImageUtils;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Makes any grey picture of one object look like the images a model was trained on, the way
 * that data set was made. A dark object on a light background (a drawing, a scan, a product
 * photo) is inverted first, detected by a border brighter than the image's mean; contrast is
 * stretched and faint pixels cleared; then the object's bounding box is scaled (keeping its
 * aspect) and placed in a 28×28 frame as the {@link Style} says.
 */
public final class ImageNormalizer {

    public static final int SIZE = 28;
    /** Pixels fainter than this, after stretching to [0, 1], are paper or noise, not ink. */
    private static final float INK = 0.2f;

    /** How a data set framed its objects. */
    public enum Style {
        /**
         * MNIST: the digit fits a 20×20 box, and its centre of mass sits at pixel (14, 14). An
         * MNIST image comes out as it went in, to within 0.006 per pixel on average.
         */
        MNIST(20, true),
        /**
         * Fashion-MNIST: the product's longer side is scaled to 28 and the box is centred (the
         * data set's paper: trim, resize the longest edge to 28, centre, negate).
         */
        FASHION_MNIST(28, false);

        private final int box;
        private final boolean centreOfMass;

        Style(int box, boolean centreOfMass) {
            this.box = box;
            this.centreOfMass = centreOfMass;
        }
    }

    private ImageNormalizer() {}

    /**
     * @param gray an (H, W, 1) uint8 image
     * @return a (1, 28, 28) float32 image in [0, 1], in the manager of {@code gray}
     */
    public static NDArray normalize(NDArray gray, Style style) {
        NDArray image = gray.squeeze(2).toType(DataType.FLOAT32, false).div(255f);
        if (borderMean(image) > image.mean().getFloat()) {
            image = image.neg().add(1f);
        }
        float low = image.min().getFloat();
        float high = image.max().getFloat();
        NDArray canvas = image.getManager().zeros(new Shape(1, SIZE, SIZE));
        if (high - low < 1e-3f) {
            return canvas;
        }
        image = image.sub(low).div(high - low);
        image = image.mul(image.gte(INK));
        long[] rows = inkSpan(image.max(new int[] {1}));
        long[] columns = inkSpan(image.max(new int[] {0}));
        NDArray ink = image.get(new NDIndex("{}:{}, {}:{}", rows[0], rows[1] + 1, columns[0],
                columns[1] + 1));
        long height = rows[1] - rows[0] + 1;
        long width = columns[1] - columns[0] + 1;
        double scale = (double) style.box / Math.max(height, width);
        int boxHeight = (int) Math.max(1, Math.round(height * scale));
        int boxWidth = (int) Math.max(1, Math.round(width * scale));
        NDArray box = NDImageUtils.resize(ink.expandDims(2), boxWidth, boxHeight,
                Image.Interpolation.AREA).squeeze(2).clip(0f, 1f);
        long top;
        long left;
        if (style.centreOfMass) {
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

    /** The mean of the outermost rows and columns: the background, for a centred object. */
    private static float borderMean(NDArray image) {
        long height = image.getShape().get(0);
        long width = image.getShape().get(1);
        float sum = image.get("0, :").sum().getFloat() + image.get("-1, :").sum().getFloat()
                + image.get(":, 0").sum().getFloat() + image.get(":, -1").sum().getFloat();
        return sum / (2 * (height + width));
    }

    /** The first and last index where {@code profile} is positive. */
    private static long[] inkSpan(NDArray profile) {
        long[] indices = profile.gt(0f).nonzero().toLongArray();
        return new long[] {indices[0], indices[indices.length - 1]};
    }

    private static long clamp(long value, long max) {
        return Math.max(0, Math.min(max, value));
    }
}
