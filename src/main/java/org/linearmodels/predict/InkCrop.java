package org.linearmodels.predict;

import java.util.Arrays;

/**
 * Finds the object in a grey picture and cuts it out as light ink on black, in plain Java (a
 * few passes over at most {@link #MAX_SIDE}² pixels). For a digit it reads the picture the way
 * a person does, in the steps {@link #digit} lists: uneven lighting is levelled ({@link
 * Levelling}), the threshold comes from the picture (Otsu), the background is what surrounds
 * the digit (so a light frame or margin does not make the frame the ink, and a dark panel
 * inside one is looked into), ruled lines and frames are removed ({@link RuledLines}), and only
 * the largest ink and the strokes close to it are kept ({@link InkPieces}), so specks and marks
 * elsewhere do not widen the box the digit is scaled into.
 */
final class InkCrop {

    /** Longer pictures are averaged down to this side first: a digit needs no more. */
    static final int MAX_SIDE = 512;
    /** Pixels fainter than this, after stretching to [0, 1], are paper or noise, not ink. */
    private static final float INK = 0.2f;
    /** A picture whose lightest and darkest (3×3-averaged) pixels differ less is blank. */
    private static final float BLANK_RANGE = 0.1f;
    /** The side of the threshold covering more than this share of the edge is background. */
    private static final double BACKGROUND_SHARE = 0.5;
    /** At most this many panels, one inside another, are looked into before the digit. */
    private static final int PANEL_DEPTH = 2;
    /** Pixels of a panel's rim left out when looking into it: its soft edge is not the digit. */
    private static final int PANEL_RIM = 2;
    /** The paper is the background's median, so specks and shadows do not move it. */
    private static final double PAPER_QUANTILE = 0.5;
    /** Full ink is this quantile of the ink, so a few extreme pixels do not make the rest faint. */
    private static final double FULL_INK_QUANTILE = 0.95;
    /** Ink that stands less than this above the paper cannot be told from it. */
    private static final float MIN_CONTRAST = 1e-3f;
    /** MNIST's average stroke width, in pixels of its 20-pixel box: what strokes are brought to. */
    private static final double MNIST_STROKE = 2.6;
    /** The thinnest stroke, once scaled, left as it is: close enough to MNIST's. */
    private static final double THINNEST_STROKE = 2.2;
    /** The thickest stroke, once scaled, left as it is: close enough to MNIST's. */
    private static final double THICKEST_STROKE = 3.1;
    /** Pixels at least this strong are the stroke whose width is measured. */
    private static final float STROKE_LEVEL = 0.5f;

    /** Ink values in [0, 1], row by row, light on black. */
    record Crop(float[] values, int width, int height) {}

    /** A rectangle of the picture, [left, right) × [top, bottom). */
    record Box(int left, int top, int right, int bottom) {
        int width() {
            return right - left;
        }

        int height() {
            return bottom - top;
        }

        /** True when (x, y) is one of the box's outermost pixels. */
        boolean onEdge(int x, int y) {
            return x == left || y == top || x == right - 1 || y == bottom - 1;
        }

        /** Where the box's outermost pixels are in a picture {@code width} wide, row by row. */
        int[] edge(int width) {
            int[] edge = new int[2 * (width() + height())];
            int count = 0;
            for (int y = top; y < bottom; y++) {
                for (int x = left; x < right; x++) {
                    if (onEdge(x, y)) {
                        edge[count++] = y * width + x;
                    }
                }
            }
            return Arrays.copyOf(edge, count);
        }
    }

    /**
     * The ink of a region: the threshold between ink and background, whether the ink is the
     * light side, and which pixels of the region are ink.
     */
    record Ink(Box region, float threshold, boolean light, boolean[] mask) {}

    private InkCrop() {}

    /**
     * Brightness in [0, 1] of {@code grey} (uint8, row by row), averaged down so neither side
     * exceeds {@link #MAX_SIDE}; the result's size is in {@code size} (width, height).
     */
    static float[] brightness(byte[] grey, int width, int height, int[] size) {
        int factor = (Math.max(width, height) + MAX_SIDE - 1) / MAX_SIDE;
        int outWidth = (width + factor - 1) / factor;
        int outHeight = (height + factor - 1) / factor;
        float[] sums = new float[outWidth * outHeight];
        int[] counts = new int[sums.length];
        for (int y = 0; y < height; y++) {
            int row = y / factor * outWidth;
            for (int x = 0; x < width; x++) {
                sums[row + x / factor] += grey[y * width + x] & 0xFF;
                counts[row + x / factor]++;
            }
        }
        for (int i = 0; i < sums.length; i++) {
            sums[i] /= 255f * counts[i];
        }
        size[0] = outWidth;
        size[1] = outHeight;
        return sums;
    }

    /** True when no stroke stands out: the 3×3-averaged picture is nearly uniform. */
    static boolean blank(float[] picture, int width, int height) {
        float low = Float.MAX_VALUE;
        float high = -Float.MAX_VALUE;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float sum = 0;
                int count = 0;
                for (int dy = Math.max(0, y - 1); dy <= Math.min(height - 1, y + 1); dy++) {
                    for (int dx = Math.max(0, x - 1); dx <= Math.min(width - 1, x + 1); dx++) {
                        sum += picture[dy * width + dx];
                        count++;
                    }
                }
                low = Math.min(low, sum / count);
                high = Math.max(high, sum / count);
            }
        }
        return high - low < BLANK_RANGE;
    }

    /**
     * A whole object (a garment) as Fashion-MNIST cut it: inverted when the border is lighter
     * than the mean, contrast stretched, faint pixels cleared, cropped to every remaining pixel.
     */
    static Crop object(float[] picture, int width, int height) {
        float[] image = contrastStretched(lightOnDark(picture, width, height));
        boolean[] everything = new boolean[image.length];
        Arrays.fill(everything, true);
        return cut(image, width, everything, "garment");
    }

    /** The picture, inverted when its border is lighter than its mean (dark on light paper). */
    static float[] lightOnDark(float[] picture, int width, int height) {
        float[] image = picture.clone();
        float mean = 0;
        for (float value : image) {
            mean += value;
        }
        mean /= image.length;
        if (edgeMean(image, width, new Box(0, 0, width, height)) > mean) {
            for (int i = 0; i < image.length; i++) {
                image[i] = 1 - image[i];
            }
        }
        return image;
    }

    private static float edgeMean(float[] image, int width, Box region) {
        int[] edge = region.edge(width);
        double sum = 0;
        for (int i : edge) {
            sum += image[i];
        }
        return (float) (sum / edge.length);
    }

    /** The values, in place, stretched so the darkest is 0 and the lightest 1. */
    static float[] contrastStretched(float[] image) {
        float low = Float.MAX_VALUE;
        float high = -Float.MAX_VALUE;
        for (float value : image) {
            low = Math.min(low, value);
            high = Math.max(high, value);
        }
        for (int i = 0; i < image.length; i++) {
            image[i] = (image[i] - low) / (high - low);
        }
        return image;
    }

    /** The digit in {@code picture}, cut out as described above. */
    static Crop digit(float[] picture, int width, int height) {
        float[] image = Levelling.levelled(picture, width, height);
        Ink ink = inkInsidePanels(image, width, height);
        RuledLines.remove(ink.mask(), width, ink.region());
        boolean[] digit = InkPieces.of(ink.mask(), width, ink.region()).digit();
        float[] strength = stretched(image, width, ink);
        return cut(strength, width, grown(digit, width, height), "digit");
    }

    /**
     * The picture's ink or, where the largest ink is a panel the digit sits on (a dark button,
     * a screen, the paper inside a frame), the ink inside that panel.
     */
    static Ink inkInsidePanels(float[] image, int width, int height) {
        Ink ink = ink(image, width, new Box(0, 0, width, height));
        for (int depth = 0; depth < PANEL_DEPTH; depth++) {
            InkPieces pieces = InkPieces.of(ink.mask(), width, ink.region());
            InkPieces.Part largest = pieces.largest();
            if (!pieces.isPanel(largest)) {
                break;
            }
            ink = ink(image, width, inside(largest));
        }
        return ink;
    }

    /** The region inside {@code panel}, less its rim. */
    static Box inside(InkPieces.Part panel) {
        return new Box(panel.left() + PANEL_RIM, panel.top() + PANEL_RIM,
                panel.right() + 1 - PANEL_RIM, panel.bottom() + 1 - PANEL_RIM);
    }

    /** The region's ink: Otsu's threshold, the side of it that is not the background. */
    static Ink ink(float[] image, int width, Box region) {
        float threshold = otsu(image, width, region);
        boolean light = inkIsLight(image, width, region, threshold);
        return new Ink(region, threshold, light, inkMask(image, width, region, threshold, light));
    }

    /** Otsu's threshold over the region: the split that best separates two brightnesses. */
    static float otsu(float[] image, int width, Box region) {
        int[] histogram = new int[256];
        int total = 0;
        for (int y = region.top(); y < region.bottom(); y++) {
            for (int x = region.left(); x < region.right(); x++) {
                histogram[level(image[y * width + x])]++;
                total++;
            }
        }
        double sum = 0;
        for (int i = 0; i < 256; i++) {
            sum += i * (double) histogram[i];
        }
        double below = 0;
        int countBelow = 0;
        double best = -1;
        int split = 127;
        for (int i = 0; i < 255; i++) {
            countBelow += histogram[i];
            below += i * (double) histogram[i];
            int countAbove = total - countBelow;
            if (countBelow == 0 || countAbove == 0) {
                continue;
            }
            double difference = below / countBelow - (sum - below) / countAbove;
            double between = (double) countBelow * countAbove * difference * difference;
            if (between > best) {
                best = between;
                split = i;
            }
        }
        return (split + 0.5f) / 255f;
    }

    /** The value as one of 256 levels. */
    private static int level(float value) {
        return Math.max(0, Math.min(255, Math.round(value * 255)));
    }

    /**
     * True when the ink is lighter than {@code threshold}: the background is what covers most
     * of the region's edge (a light margin around a dark panel is not the ink), so the ink is
     * the other side.
     */
    static boolean inkIsLight(float[] image, int width, Box region, float threshold) {
        int[] edge = region.edge(width);
        int dark = 0;
        for (int i : edge) {
            dark += image[i] <= threshold ? 1 : 0;
        }
        return (double) dark / edge.length > BACKGROUND_SHARE;
    }

    /** The region's pixels on the ink's side of {@code threshold}; blank when there are none. */
    static boolean[] inkMask(float[] image, int width, Box region, float threshold,
            boolean light) {
        boolean[] ink = new boolean[image.length];
        int inkCount = 0;
        for (int y = region.top(); y < region.bottom(); y++) {
            for (int x = region.left(); x < region.right(); x++) {
                int i = y * width + x;
                ink[i] = light == image[i] > threshold;
                inkCount += ink[i] ? 1 : 0;
            }
        }
        if (inkCount == 0) {
            throw new BlankPictureException("digit");
        }
        return ink;
    }

    /**
     * Ink strength in [0, 1] over the ink's region: 0 at its typical background, 1 at its
     * strongest ink; blank when the two cannot be told apart.
     */
    static float[] stretched(float[] image, int width, Ink ink) {
        Box region = ink.region();
        int[] background = new int[256];
        int[] inkLevels = new int[256];
        for (int y = region.top(); y < region.bottom(); y++) {
            for (int x = region.left(); x < region.right(); x++) {
                float value = image[y * width + x];
                int level = level(ink.light() ? value : 1 - value);
                if (ink.light() == value > ink.threshold()) {
                    inkLevels[level]++;
                } else {
                    background[level]++;
                }
            }
        }
        float paper = quantile(background, PAPER_QUANTILE) / 255f;
        float strongest = quantile(inkLevels, FULL_INK_QUANTILE) / 255f;
        float[] out = new float[image.length];
        if (strongest - paper < MIN_CONTRAST) {
            throw new BlankPictureException("digit");
        }
        for (int y = region.top(); y < region.bottom(); y++) {
            for (int x = region.left(); x < region.right(); x++) {
                float value = image[y * width + x];
                float strength = ((ink.light() ? value : 1 - value) - paper)
                        / (strongest - paper);
                out[y * width + x] = Math.max(0f, Math.min(1f, strength));
            }
        }
        return out;
    }

    /** The lowest level with more than {@code q} of the count at or below it; the top if none. */
    static int quantile(int[] histogram, double q) {
        long total = Arrays.stream(histogram).asLongStream().sum();
        long seen = 0;
        for (int i = 0; i < histogram.length; i++) {
            seen += histogram[i];
            if (seen > q * total) {
                return i;
            }
        }
        return histogram.length - 1;
    }

    /** The mask grown by one pixel, to keep a stroke's soft edge. */
    static boolean[] grown(boolean[] mask, int width, int height) {
        boolean[] out = new boolean[mask.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (mask[y * width + x]) {
                    for (int dy = Math.max(0, y - 1); dy <= Math.min(height - 1, y + 1); dy++) {
                        for (int dx = Math.max(0, x - 1); dx <= Math.min(width - 1, x + 1);
                                dx++) {
                            out[dy * width + dx] = true;
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * The crop with its strokes made about as wide as MNIST's once it is scaled into a {@code
     * box}-pixel square (2.6 pixels on average, 2.1 to 3.8 for most digits): a hairline font
     * would come out faint and broken, a bold one as a blot that reads as 8.
     */
    static Crop withMnistStroke(Crop crop, int box) {
        double scale = (double) box / Math.max(crop.width(), crop.height());
        double stroke = strokeWidth(crop) * scale;
        if (stroke >= THINNEST_STROKE && stroke <= THICKEST_STROKE) {
            return crop;
        }
        // A 3×3 pass moves both sides of a stroke by a pixel of the crop.
        int passes = (int) Math.round(Math.abs(MNIST_STROKE - stroke) / 2 / scale);
        if (passes == 0) {
            return crop;
        }
        boolean thicken = stroke < THINNEST_STROKE;
        int pad = thicken ? passes : 0;
        int width = crop.width() + 2 * pad;
        int height = crop.height() + 2 * pad;
        float[] values = new float[width * height];
        for (int y = 0; y < crop.height(); y++) {
            System.arraycopy(crop.values(), y * crop.width(), values, (y + pad) * width + pad,
                    crop.width());
        }
        for (int pass = 0; pass < passes; pass++) {
            values = filter3x3(values, width, height, thicken);
        }
        return new Crop(values, width, height);
    }

    /** Twice the ink's area over its edge's length: a stroke's width, for strokes over 2. */
    static double strokeWidth(Crop crop) {
        int width = crop.width();
        int height = crop.height();
        float[] values = crop.values();
        int area = 0;
        int edge = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (values[y * width + x] < STROKE_LEVEL) {
                    continue;
                }
                area++;
                boolean outer = x == 0 || y == 0 || x == width - 1 || y == height - 1
                        || values[y * width + x - 1] < STROKE_LEVEL
                        || values[y * width + x + 1] < STROKE_LEVEL
                        || values[(y - 1) * width + x] < STROKE_LEVEL
                        || values[(y + 1) * width + x] < STROKE_LEVEL;
                edge += outer ? 1 : 0;
            }
        }
        return edge == 0 ? MNIST_STROKE : 2.0 * area / edge;
    }

    /** The largest ({@code max}) or smallest value over each pixel's 3×3 neighbourhood. */
    static float[] filter3x3(float[] values, int width, int height, boolean max) {
        float[] out = new float[values.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float best = values[y * width + x];
                for (int dy = Math.max(0, y - 1); dy <= Math.min(height - 1, y + 1); dy++) {
                    for (int dx = Math.max(0, x - 1); dx <= Math.min(width - 1, x + 1); dx++) {
                        float value = values[dy * width + dx];
                        best = max ? Math.max(best, value) : Math.min(best, value);
                    }
                }
                out[y * width + x] = best;
            }
        }
        return out;
    }

    /** The bounding box of the kept pixels at least {@link #INK} strong, others cleared. */
    static Crop cut(float[] values, int width, boolean[] keep, String thing) {
        int height = values.length / width;
        int left = width;
        int right = -1;
        int top = height;
        int bottom = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                if (keep[i] && values[i] >= INK) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        if (right < 0) {
            throw new BlankPictureException(thing);
        }
        int cropWidth = right - left + 1;
        int cropHeight = bottom - top + 1;
        float[] crop = new float[cropWidth * cropHeight];
        for (int y = 0; y < cropHeight; y++) {
            for (int x = 0; x < cropWidth; x++) {
                int i = (top + y) * width + left + x;
                crop[y * cropWidth + x] = keep[i] && values[i] >= INK ? values[i] : 0f;
            }
        }
        return new Crop(crop, cropWidth, cropHeight);
    }
}
