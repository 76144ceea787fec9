package org.linearmodels.predict;

import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import org.linearmodels.model.Framing;

/**
 * Frames any grey picture of one object as the images a model was trained on were framed: the
 * object is found and cut out as light ink on black ({@link InkCrop}: a digit robustly, among
 * frames, lines, specks and uneven light; a garment as the whole picture's ink), then its box is
 * scaled (keeping its aspect) and placed in a 28×28 frame as its {@link Framing} says. A blank
 * picture is refused with a {@link BlankPictureException}.
 *
 * <p>In plain Java: a few dozen libtorch calls on a 28×28 frame cost a served request more
 * than the arithmetic. The scaling is libtorch's "area" resize (its adaptive average pooling),
 * which the tests compare with libtorch itself.
 */
public final class Framer {

    public static final int SIZE = 28;

    private Framer() {}

    /**
     * @param gray an (H, W, 1) uint8 image
     * @return a (1, 28, 28) float32 image in [0, 1], in the manager of {@code gray}
     */
    public static NDArray frame(NDArray gray, Framing style) {
        float[] frame = frame(gray.toType(DataType.UINT8, false).toByteArray(),
                (int) gray.getShape().get(1), (int) gray.getShape().get(0), style);
        return gray.getManager().create(frame, new Shape(1, SIZE, SIZE));
    }

    /** The 28×28 frame, row by row in [0, 1], of {@code image} made grey as DJL makes it. */
    public static float[] frame(Image image, Framing style) {
        return frame(grey(image), image.getWidth(), image.getHeight(), style);
    }

    /**
     * @param grey the picture's brightness, a byte a pixel (unsigned), row by row
     * @return the 28×28 frame, row by row, in [0, 1]
     */
    public static float[] frame(byte[] grey, int width, int height, Framing style) {
        InkCrop.Crop crop = crop(grey, width, height, style);
        double scale = (double) style.box() / Math.max(crop.height(), crop.width());
        int boxHeight = (int) Math.max(1, Math.round(crop.height() * scale));
        int boxWidth = (int) Math.max(1, Math.round(crop.width() * scale));
        float[] box = areaResized(crop, boxWidth, boxHeight);
        int top;
        int left;
        if (style.centreOfMass()) {
            double mass = 0;
            double rows = 0;
            double columns = 0;
            for (int y = 0; y < boxHeight; y++) {
                for (int x = 0; x < boxWidth; x++) {
                    float value = box[y * boxWidth + x];
                    mass += value;
                    rows += y * value;
                    columns += x * value;
                }
            }
            top = clamp(Math.round(SIZE / 2f - (float) (rows / mass)), SIZE - boxHeight);
            left = clamp(Math.round(SIZE / 2f - (float) (columns / mass)), SIZE - boxWidth);
        } else {
            top = (SIZE - boxHeight) / 2;
            left = (SIZE - boxWidth) / 2;
        }
        float[] frame = new float[SIZE * SIZE];
        for (int y = 0; y < boxHeight; y++) {
            System.arraycopy(box, y * boxWidth, frame, (top + y) * SIZE + left, boxWidth);
        }
        return frame;
    }

    /** The object cut out of the picture ({@link InkCrop}), before it is scaled and placed. */
    static InkCrop.Crop crop(byte[] grey, int width, int height, Framing style) {
        int[] size = new int[2];
        float[] picture = InkCrop.brightness(grey, width, height, size);
        if (InkCrop.blank(picture, size[0], size[1])) {
            throw new BlankPictureException(style.thing());
        }
        return style == Framing.MNIST
                ? InkCrop.withMnistStroke(InkCrop.digit(picture, size[0], size[1]), style.box())
                : InkCrop.object(picture, size[0], size[1]);
    }

    /**
     * The crop scaled to {@code width} × {@code height} as libtorch's "area" mode does it, each
     * output pixel the mean of the input pixels from floor(i·in/out) to ceil((i+1)·in/out), and
     * clipped to [0, 1].
     */
    static float[] areaResized(InkCrop.Crop crop, int width, int height) {
        float[] in = crop.values();
        float[] out = new float[width * height];
        for (int y = 0; y < height; y++) {
            int top = y * crop.height() / height;
            int bottom = ceilDiv((y + 1) * crop.height(), height);
            for (int x = 0; x < width; x++) {
                int left = x * crop.width() / width;
                int right = ceilDiv((x + 1) * crop.width(), width);
                float sum = 0;
                for (int row = top; row < bottom; row++) {
                    for (int column = left; column < right; column++) {
                        sum += in[row * crop.width() + column];
                    }
                }
                float mean = sum / (bottom - top) / (right - left);
                out[y * width + x] = Math.max(0f, Math.min(1f, mean));
            }
        }
        return out;
    }

    /**
     * The picture's brightness, a byte a pixel, as DJL's {@code toNDArray(GRAYSCALE)} gives it:
     * an 8-bit grey picture (what {@link ImageFiles} reads) as it is, without a copy through
     * libtorch; any other as DJL makes it grey.
     */
    static byte[] grey(Image image) {
        if (image.getWrappedImage() instanceof BufferedImage buffered
                && buffered.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return (byte[]) buffered.getRaster().getDataElements(0, 0, buffered.getWidth(),
                    buffered.getHeight(), null);
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            return image.toNDArray(manager, Image.Flag.GRAYSCALE).toByteArray();
        }
    }

    private static int ceilDiv(int dividend, int divisor) {
        return (dividend + divisor - 1) / divisor;
    }

    private static int clamp(int value, int max) {
        return Math.max(0, Math.min(max, value));
    }
}
