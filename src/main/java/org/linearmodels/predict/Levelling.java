package org.linearmodels.predict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Removes a linear fall of light from a picture whose edge is plain paper lit unevenly: a plane
 * fitted to the outermost pixels, refitted without outliers, is subtracted where it explains
 * the edge well and varies by more than noise.
 */
final class Levelling {

    /** Pictures narrower or lower than this have too little edge to fit a plane to. */
    private static final int MIN_SIDE = 8;
    /** The plane is fitted to this many of the outermost rows and columns: the paper. */
    private static final int EDGE_BAND = 2;
    /** Edge pixels further from the first plane than this many median residuals are ink... */
    private static final int OUTLIER_MEDIANS = 3;
    /** ...plus this much, so that on smooth paper noise is not taken for ink. */
    private static final double OUTLIER_SLACK = 0.02;
    /** An edge with more than this share of outliers is not plain paper: left as it is. */
    private static final double MAX_OUTLIERS = 0.15;
    /** Paper whose median residual exceeds this is not lit by a plane: left as it is. */
    private static final double MAX_MEDIAN_RESIDUAL = 0.04;
    /** A fall of light across the picture smaller than this is noise: left as it is. */
    private static final double MIN_FALL = 0.06;

    private Levelling() {}

    /** The picture, levelled when its edge is plain paper lit unevenly; else itself. */
    static float[] levelled(float[] picture, int width, int height) {
        if (width < MIN_SIDE || height < MIN_SIDE) {
            return picture;
        }
        List<int[]> edge = edge(width, height);
        double[] residuals = residuals(picture, width, edge, fitPlane(picture, width, edge,
                null));
        double median = median(residuals);
        boolean[] paper = new boolean[residuals.length];
        int outliers = 0;
        for (int i = 0; i < residuals.length; i++) {
            paper[i] = residuals[i] <= OUTLIER_MEDIANS * median + OUTLIER_SLACK;
            outliers += paper[i] ? 0 : 1;
        }
        double[] plane = fitPlane(picture, width, edge, paper);
        double fall = Math.abs(plane[1]) * width + Math.abs(plane[2]) * height;
        if (outliers > MAX_OUTLIERS * edge.size() || median > MAX_MEDIAN_RESIDUAL
                || fall < MIN_FALL) {
            return picture;
        }
        return withoutSlope(picture, width, height, plane);
    }

    /** The (x, y) of the picture's outermost {@link #EDGE_BAND} rows and columns. */
    static List<int[]> edge(int width, int height) {
        List<int[]> edge = new ArrayList<>();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (x < EDGE_BAND || y < EDGE_BAND || x >= width - EDGE_BAND
                        || y >= height - EDGE_BAND) {
                    edge.add(new int[] {x, y});
                }
            }
        }
        return edge;
    }

    /** Least squares a + b·x + c·y over the points (those marked in {@code use}, if given). */
    static double[] fitPlane(float[] picture, int width, List<int[]> points, boolean[] use) {
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

    /** How far each point's brightness is from the plane. */
    static double[] residuals(float[] picture, int width, List<int[]> points, double[] plane) {
        double[] residuals = new double[points.size()];
        for (int i = 0; i < residuals.length; i++) {
            int[] p = points.get(i);
            double fitted = plane[0] + plane[1] * p[0] + plane[2] * p[1];
            residuals[i] = Math.abs(picture[p[1] * width + p[0]] - fitted);
        }
        return residuals;
    }

    /** The middle value (the upper of the two middle ones for an even count). */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The picture less the plane's slope about its centre, so the level at its centre stays. */
    static float[] withoutSlope(float[] picture, int width, int height, double[] plane) {
        float[] out = new float[picture.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out[y * width + x] = (float) (picture[y * width + x] - plane[1] * (x - width / 2.0)
                        - plane[2] * (y - height / 2.0));
            }
        }
        return out;
    }
}
