package org.linearmodels.predict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the object in a grey picture and cuts it out as light ink on black, in plain Java (a
 * few passes over at most {@link #MAX_SIDE}² pixels). For a digit it reads the picture the way
 * a person does: uneven lighting is levelled, the threshold comes from the picture (Otsu), the
 * background is what surrounds the digit (so a light frame or margin does not make the frame
 * the ink, and a dark panel inside one is looked into), ruled lines and frames are removed, and
 * only the largest ink and the strokes close to it are kept, so specks and marks elsewhere do
 * not widen the box the digit is scaled into.
 */
final class InkCrop {

    /** Longer pictures are averaged down to this side first: a digit needs no more. */
    static final int MAX_SIDE = 512;
    /** Pixels fainter than this, after stretching to [0, 1], are paper or noise, not ink. */
    private static final float INK = 0.2f;
    /** A picture whose lightest and darkest (3×3-averaged) pixels differ less is blank. */
    private static final float BLANK_RANGE = 0.1f;

    /** Ink values in [0, 1], row by row, light on black. */
    record Crop(float[] values, int width, int height) {}

    /** A rectangle of the picture, [left, right) × [top, bottom). */
    private record Box(int left, int top, int right, int bottom) {
        int width() {
            return right - left;
        }

        int height() {
            return bottom - top;
        }
    }

    /** One 8-connected piece of ink. */
    private record Part(int label, int area, int left, int top, int right, int bottom,
            boolean touchesEdge) {
        int boxArea() {
            return (right - left + 1) * (bottom - top + 1);
        }
    }

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
        float[] image = picture.clone();
        float mean = 0;
        for (float value : image) {
            mean += value;
        }
        mean /= image.length;
        Box all = new Box(0, 0, width, height);
        if (ringMean(image, width, all) > mean) {
            for (int i = 0; i < image.length; i++) {
                image[i] = 1 - image[i];
            }
        }
        float low = Float.MAX_VALUE;
        float high = -Float.MAX_VALUE;
        for (float value : image) {
            low = Math.min(low, value);
            high = Math.max(high, value);
        }
        boolean[] keep = new boolean[image.length];
        for (int i = 0; i < image.length; i++) {
            image[i] = (image[i] - low) / (high - low);
            keep[i] = image[i] >= INK;
        }
        return cut(image, width, keep, "garment");
    }

    /** The digit in {@code picture}, cut out as described above. */
    static Crop digit(float[] picture, int width, int height) {
        float[] image = levelled(picture, width, height);
        Box region = new Box(0, 0, width, height);
        for (int depth = 0; ; depth++) {
            float threshold = otsu(image, width, region);
            // The background is what covers most of the edge: the ink is the other side.
            boolean lightInk = darkShareOfRing(image, width, region, threshold) > 0.5;
            boolean[] ink = new boolean[image.length];
            int inkCount = 0;
            for (int y = region.top(); y < region.bottom(); y++) {
                for (int x = region.left(); x < region.right(); x++) {
                    int i = y * width + x;
                    ink[i] = lightInk == image[i] > threshold;
                    inkCount += ink[i] ? 1 : 0;
                }
            }
            if (inkCount == 0) {
                throw new BlankPictureException("digit");
            }
            int[] labels = new int[image.length];
            List<Part> parts = parts(ink, labels, width, region);
            Part largest = parts.stream().max(Comparator.comparingInt(Part::area)).orElseThrow();
            if (depth < 2 && isPanel(largest, labels, width, region)) {
                region = new Box(largest.left() + 2, largest.top() + 2, largest.right() - 1,
                        largest.bottom() - 1);
                continue;
            }
            removeLines(ink, width, region, inkCount);
            Arrays.fill(labels, 0);
            parts = parts(ink, labels, width, region);
            if (parts.isEmpty()) {
                throw new BlankPictureException("digit");
            }
            boolean[] kept = kept(parts, labels, width, region);
            float[] values = stretched(image, width, region, threshold, lightInk);
            return cut(values, width, grown(kept, width, height), "digit");
        }
    }

    /**
     * True when {@code part} is a panel the digit sits on (a dark button, a screen, the paper
     * inside a frame): a large, mostly filled piece whose bounding box's edge it covers, as a
     * rectangle does and a digit's strokes do not.
     */
    private static boolean isPanel(Part part, int[] labels, int width, Box region) {
        Box box = new Box(part.left(), part.top(), part.right() + 1, part.bottom() + 1);
        if (box.width() <= 8 || box.height() <= 8 || part.area() < 0.5 * part.boxArea()
                || part.boxArea() < 0.25 * region.width() * region.height()) {
            return false;
        }
        int covered = 0;
        int count = 0;
        for (int y = box.top(); y < box.bottom(); y++) {
            for (int x = box.left(); x < box.right(); x++) {
                if (onRing(x, y, box)) {
                    covered += labels[y * width + x] == part.label() ? 1 : 0;
                    count++;
                }
            }
        }
        return covered >= 0.75 * count;
    }

    /**
     * The picture with a linear fall of light removed, when its edge is plain paper lit
     * unevenly: a plane fitted to the outermost pixels, refitted without outliers, is
     * subtracted where it explains the edge well and varies by more than noise.
     */
    private static float[] levelled(float[] picture, int width, int height) {
        if (width < 8 || height < 8) {
            return picture;
        }
        List<int[]> ring = new ArrayList<>();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (x < 2 || y < 2 || x >= width - 2 || y >= height - 2) {
                    ring.add(new int[] {x, y});
                }
            }
        }
        double[] plane = fitPlane(picture, width, ring, null);
        double[] residuals = new double[ring.size()];
        for (int i = 0; i < residuals.length; i++) {
            int[] p = ring.get(i);
            residuals[i] = Math.abs(picture[p[1] * width + p[0]] - at(plane, p[0], p[1]));
        }
        double[] sorted = residuals.clone();
        Arrays.sort(sorted);
        double limit = 3 * sorted[sorted.length / 2] + 0.02;
        boolean[] inlier = new boolean[residuals.length];
        int outliers = 0;
        for (int i = 0; i < residuals.length; i++) {
            inlier[i] = residuals[i] <= limit;
            outliers += inlier[i] ? 0 : 1;
        }
        plane = fitPlane(picture, width, ring, inlier);
        double spread = Math.abs(plane[1]) * width + Math.abs(plane[2]) * height;
        if (outliers > 0.15 * ring.size() || sorted[sorted.length / 2] > 0.04 || spread < 0.06) {
            return picture;
        }
        float[] out = new float[picture.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out[y * width + x] = (float) (picture[y * width + x] - plane[1] * (x - width / 2.0)
                        - plane[2] * (y - height / 2.0));
            }
        }
        return out;
    }

    private static double at(double[] plane, int x, int y) {
        return plane[0] + plane[1] * x + plane[2] * y;
    }

    /** Least squares a + b·x + c·y over the points (those marked in {@code use}, if given). */
    private static double[] fitPlane(float[] picture, int width, List<int[]> points,
            boolean[] use) {
        double[][] normal = new double[3][4];
        for (int i = 0; i < points.size(); i++) {
            if (use != null && !use[i]) {
                continue;
            }
            int[] p = points.get(i);
            double[] row = {1, p[0], p[1]};
            double value = picture[p[1] * width + p[0]];
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    normal[r][c] += row[r] * row[c];
                }
                normal[r][3] += row[r] * value;
            }
        }
        for (int pivot = 0; pivot < 3; pivot++) {
            for (int r = 0; r < 3; r++) {
                if (r != pivot && normal[pivot][pivot] != 0) {
                    double factor = normal[r][pivot] / normal[pivot][pivot];
                    for (int c = 0; c < 4; c++) {
                        normal[r][c] -= factor * normal[pivot][c];
                    }
                }
            }
        }
        double[] plane = new double[3];
        for (int r = 0; r < 3; r++) {
            plane[r] = normal[r][r] == 0 ? 0 : normal[r][3] / normal[r][r];
        }
        return plane;
    }

    /** Otsu's threshold over the region: the split that best separates two brightnesses. */
    private static float otsu(float[] image, int width, Box region) {
        int[] histogram = new int[256];
        int total = 0;
        for (int y = region.top(); y < region.bottom(); y++) {
            for (int x = region.left(); x < region.right(); x++) {
                histogram[bin(image[y * width + x])]++;
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

    private static int bin(float value) {
        return Math.max(0, Math.min(255, Math.round(value * 255)));
    }

    /** The share of the region's outermost pixels darker than {@code threshold}. */
    private static double darkShareOfRing(float[] image, int width, Box region,
            float threshold) {
        int dark = 0;
        int count = 0;
        for (int y = region.top(); y < region.bottom(); y++) {
            for (int x = region.left(); x < region.right(); x++) {
                if (onRing(x, y, region)) {
                    dark += image[y * width + x] <= threshold ? 1 : 0;
                    count++;
                }
            }
        }
        return (double) dark / count;
    }

    private static boolean onRing(int x, int y, Box region) {
        return x == region.left() || y == region.top() || x == region.right() - 1
                || y == region.bottom() - 1;
    }

    private static float ringMean(float[] image, int width, Box region) {
        double sum = 0;
        int count = 0;
        for (int y = region.top(); y < region.bottom(); y++) {
            for (int x = region.left(); x < region.right(); x++) {
                if (onRing(x, y, region)) {
                    sum += image[y * width + x];
                    count++;
                }
            }
        }
        return (float) (sum / count);
    }

    /**
     * Clears ruled lines and the sides of a frame: thin bands of rows whose ink runs across
     * most of the region and well beyond the height of the rest of the ink, and thin bands of
     * columns as tall as the region near its left or right edge. A digit's own strokes are
     * shorter than the digit is tall, so they stay.
     */
    private static void removeLines(boolean[] ink, int width, Box region, int inkCount) {
        int[][] rows = new int[region.height()][];
        int[][] columns = new int[region.width()][];
        for (int y = region.top(); y < region.bottom(); y++) {
            int[] run = longestRun(ink, y * width + region.left(), 1, region.width());
            if (run[1] - run[0] >= 0.6 * region.width()) {
                rows[y - region.top()] = run;
            }
        }
        for (int x = region.left(); x < region.right(); x++) {
            int[] run = longestRun(ink, region.top() * width + x, width, region.height());
            boolean nearSide = x - region.left() < 0.12 * region.width()
                    || region.right() - 1 - x < 0.12 * region.width();
            if (nearSide && run[1] - run[0] >= 0.6 * region.height()) {
                columns[x - region.left()] = run;
            }
        }
        dropThickBands(rows, Math.max(2, 0.1 * region.height()));
        dropThickBands(columns, Math.max(2, 0.1 * region.width()));
        int top = Integer.MAX_VALUE;
        int bottom = -1;
        int rest = 0;
        for (int y = region.top(); y < region.bottom(); y++) {
            for (int x = region.left(); x < region.right(); x++) {
                if (ink[y * width + x] && !inRun(rows[y - region.top()], x - region.left())
                        && !inRun(columns[x - region.left()], y - region.top())) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                    rest++;
                }
            }
        }
        if (rest < 0.1 * inkCount) {
            return;
        }
        int restHeight = bottom - top + 1;
        for (int x = 0; x < columns.length; x++) {
            if (columns[x] != null) {
                for (int y = columns[x][0]; y < columns[x][1]; y++) {
                    ink[(region.top() + y) * width + region.left() + x] = false;
                }
            }
        }
        for (int y = 0; y < rows.length; y++) {
            if (rows[y] != null && rows[y][1] - rows[y][0] >= 1.3 * restHeight) {
                for (int x = rows[y][0]; x < rows[y][1]; x++) {
                    ink[(region.top() + y) * width + region.left() + x] = false;
                }
            }
        }
    }

    /** The [start, end) of the longest run of ink among {@code length} cells, offsets. */
    private static int[] longestRun(boolean[] ink, int start, int step, int length) {
        int bestStart = 0;
        int bestEnd = 0;
        int runStart = -1;
        for (int i = 0; i <= length; i++) {
            boolean on = i < length && ink[start + i * step];
            if (on && runStart < 0) {
                runStart = i;
            } else if (!on && runStart >= 0) {
                if (i - runStart > bestEnd - bestStart) {
                    bestStart = runStart;
                    bestEnd = i;
                }
                runStart = -1;
            }
        }
        return new int[] {bestStart, bestEnd};
    }

    private static boolean inRun(int[] run, int offset) {
        return run != null && offset >= run[0] && offset < run[1];
    }

    /** Forgets runs in bands thicker than {@code thickest}: a filled area, not a line. */
    private static void dropThickBands(int[][] lines, double thickest) {
        int start = 0;
        for (int i = 0; i <= lines.length; i++) {
            if (i == lines.length || lines[i] == null) {
                if (i - start > thickest) {
                    Arrays.fill(lines, start, i, null);
                }
                start = i + 1;
            }
        }
    }

    /** The 8-connected pieces of ink in the region; {@code labels} gets each pixel's piece. */
    private static List<Part> parts(boolean[] ink, int[] labels, int width, Box region) {
        List<Part> parts = new ArrayList<>();
        int[] queue = new int[region.width() * region.height()];
        for (int y = region.top(); y < region.bottom(); y++) {
            for (int x = region.left(); x < region.right(); x++) {
                int start = y * width + x;
                if (!ink[start] || labels[start] != 0) {
                    continue;
                }
                int label = parts.size() + 1;
                int head = 0;
                int tail = 0;
                queue[tail++] = start;
                labels[start] = label;
                int left = x;
                int right = x;
                int top = y;
                int bottom = y;
                boolean edge = false;
                while (head < tail) {
                    int i = queue[head++];
                    int px = i % width;
                    int py = i / width;
                    left = Math.min(left, px);
                    right = Math.max(right, px);
                    top = Math.min(top, py);
                    bottom = Math.max(bottom, py);
                    edge |= onRing(px, py, region);
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int nx = px + dx;
                            int ny = py + dy;
                            if (nx >= region.left() && nx < region.right()
                                    && ny >= region.top() && ny < region.bottom()) {
                                int n = ny * width + nx;
                                if (ink[n] && labels[n] == 0) {
                                    labels[n] = label;
                                    queue[tail++] = n;
                                }
                            }
                        }
                    }
                }
                parts.add(new Part(label, tail, left, top, right, bottom, edge));
            }
        }
        return parts;
    }

    /**
     * The digit's pixels: the largest piece clear of the region's edge (what touches the edge
     * is background: a margin, a line, a neighbour cut off) unless only such pieces are big,
     * and every piece big enough and close enough to be part of it (a 5's flag, a broken
     * stroke); specks are dropped.
     */
    private static boolean[] kept(List<Part> parts, int[] labels, int width, Box region) {
        int biggest = parts.stream().mapToInt(Part::area).max().orElse(0);
        List<Part> inner = parts.stream()
                .filter(p -> !p.touchesEdge() && p.area() >= 0.15 * biggest).toList();
        List<Part> pool = inner.isEmpty() ? parts
                : parts.stream().filter(p -> !p.touchesEdge()).toList();
        Part main = (inner.isEmpty() ? parts : inner).stream()
                .max(Comparator.comparingInt(Part::area)).orElseThrow();
        boolean[] keep = new boolean[parts.size() + 1];
        keep[main.label()] = true;
        int left = main.left();
        int top = main.top();
        int right = main.right();
        int bottom = main.bottom();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Part part : pool) {
                if (keep[part.label()] || part.area() < Math.max(3, 0.04 * main.area())) {
                    continue;
                }
                int gap = Math.max(Math.max(part.left() - right, left - part.right()),
                        Math.max(part.top() - bottom, top - part.bottom()));
                if (gap <= 0.2 * Math.max(right - left + 1, bottom - top + 1)) {
                    keep[part.label()] = true;
                    left = Math.min(left, part.left());
                    top = Math.min(top, part.top());
                    right = Math.max(right, part.right());
                    bottom = Math.max(bottom, part.bottom());
                    grew = true;
                }
            }
        }
        boolean[] kept = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            kept[i] = labels[i] != 0 && keep[labels[i]];
        }
        return kept;
    }

    /**
     * Ink strength in [0, 1]: 0 at the region's typical background, 1 at its strongest ink
     * (the 95th percentile, so a few extreme pixels do not make the rest faint).
     */
    private static float[] stretched(float[] image, int width, Box region, float threshold,
            boolean lightInk) {
        int[] background = new int[256];
        int[] ink = new int[256];
        for (int y = region.top(); y < region.bottom(); y++) {
            for (int x = region.left(); x < region.right(); x++) {
                float value = image[y * width + x];
                int level = bin(lightInk ? value : 1 - value);
                if (lightInk == value > threshold) {
                    ink[level]++;
                } else {
                    background[level]++;
                }
            }
        }
        float paper = quantile(background, 0.5) / 255f;
        float strongest = quantile(ink, 0.95) / 255f;
        float[] out = new float[image.length];
        if (strongest - paper < 1e-3f) {
            throw new BlankPictureException("digit");
        }
        for (int y = region.top(); y < region.bottom(); y++) {
            for (int x = region.left(); x < region.right(); x++) {
                float value = image[y * width + x];
                float strength = ((lightInk ? value : 1 - value) - paper) / (strongest - paper);
                out[y * width + x] = Math.max(0f, Math.min(1f, strength));
            }
        }
        return out;
    }

    private static int quantile(int[] histogram, double q) {
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
    private static boolean[] grown(boolean[] mask, int width, int height) {
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
        if (stroke >= 2.2 && stroke <= 3.1) {
            return crop;
        }
        int passes = (int) Math.round(Math.abs(TARGET_STROKE - stroke) / 2 / scale);
        if (passes == 0) {
            return crop;
        }
        boolean thicken = stroke < 2.2;
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

    private static final double TARGET_STROKE = 2.6;

    /** Twice the ink's area over its edge's length: a stroke's width, for strokes over 2. */
    private static double strokeWidth(Crop crop) {
        int width = crop.width();
        int height = crop.height();
        float[] values = crop.values();
        int area = 0;
        int edge = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (values[y * width + x] < 0.5f) {
                    continue;
                }
                area++;
                boolean outer = x == 0 || y == 0 || x == width - 1 || y == height - 1
                        || values[y * width + x - 1] < 0.5f || values[y * width + x + 1] < 0.5f
                        || values[(y - 1) * width + x] < 0.5f
                        || values[(y + 1) * width + x] < 0.5f;
                edge += outer ? 1 : 0;
            }
        }
        return edge == 0 ? TARGET_STROKE : 2.0 * area / edge;
    }

    /** The largest ({@code max}) or smallest value over each pixel's 3×3 neighbourhood. */
    private static float[] filter3x3(float[] values, int width, int height, boolean max) {
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
    private static Crop cut(float[] values, int width, boolean[] keep, String thing) {
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
