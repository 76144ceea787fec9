package org.linearmodels.predict;

import java.util.Arrays;
import org.linearmodels.predict.InkCrop.Box;

/**
 * Clears ruled lines and the sides of a frame from an ink mask: thin bands of rows whose ink
 * runs across most of the region and well beyond the height of the rest of the ink, and thin
 * bands of columns as tall as the region near its left or right edge. A digit's own strokes
 * are shorter than the digit is tall, so they stay.
 */
final class RuledLines {

    /** A line's ink runs across at least this share of the region. */
    private static final double LINE_LENGTH = 0.6;
    /** A frame's side lies within this share of the region's width from its left or right. */
    private static final double FRAME_SIDE = 0.12;
    /** Bands of lines thicker than this share of the region are a filled area, not a line... */
    private static final double THICKEST_BAND = 0.1;
    /** ...or thicker than this many pixels, in a small region where the share is less. */
    private static final int THICKEST_BAND_PIXELS = 2;
    /** When less than this share of the ink is left beside the lines, the lines are the digit. */
    private static final double REST_SHARE = 0.1;
    /** A row this much longer than the rest of the ink is tall is a rule, not a digit's bar. */
    private static final double RULE_OVER_REST = 1.3;

    /** The ink that is not in a line: how many pixels, and the height of the rows they span. */
    record Rest(int pixels, int height) {}

    private RuledLines() {}

    /** Clears the lines from the region of {@code ink} (row by row, {@code width} wide). */
    static void remove(boolean[] ink, int width, Box region) {
        int[][] rows = ruledRows(ink, width, region);
        int[][] columns = frameSides(ink, width, region);
        dropThickBands(rows, Math.max(THICKEST_BAND_PIXELS, THICKEST_BAND * region.height()));
        dropThickBands(columns, Math.max(THICKEST_BAND_PIXELS, THICKEST_BAND * region.width()));
        Rest rest = rest(ink, width, region, rows, columns);
        if (rest.pixels() < REST_SHARE * inkCount(ink, width, region)) {
            return;
        }
        clear(ink, width, region, columns, false, 0);
        clear(ink, width, region, rows, true, RULE_OVER_REST * rest.height());
    }

    /** Each row's longest run of ink, where it runs across most of the region; null elsewhere. */
    static int[][] ruledRows(boolean[] ink, int width, Box region) {
        int[][] rows = new int[region.height()][];
        for (int y = 0; y < rows.length; y++) {
            int[] run = longestRun(ink, start(width, region, true, y), 1, region.width());
            if (run[1] - run[0] >= LINE_LENGTH * region.width()) {
                rows[y] = run;
            }
        }
        return rows;
    }

    /**
     * Each column's longest run of ink, where the column is near the region's left or right
     * side and the run is nearly as tall as the region; null elsewhere.
     */
    static int[][] frameSides(boolean[] ink, int width, Box region) {
        int[][] columns = new int[region.width()][];
        for (int x = 0; x < columns.length; x++) {
            int[] run = longestRun(ink, start(width, region, false, x), width, region.height());
            boolean nearSide = x < FRAME_SIDE * region.width()
                    || region.width() - 1 - x < FRAME_SIDE * region.width();
            if (nearSide && run[1] - run[0] >= LINE_LENGTH * region.height()) {
                columns[x] = run;
            }
        }
        return columns;
    }

    /** Where the region's row (or column) {@code line} starts in the picture. */
    private static int start(int width, Box region, boolean rows, int line) {
        return rows ? (region.top() + line) * width + region.left()
                : region.top() * width + region.left() + line;
    }

    /** The [start, end) of the longest run of ink among {@code length} cells, offsets. */
    static int[] longestRun(boolean[] ink, int start, int step, int length) {
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

    /** Forgets runs in bands thicker than {@code thickest}: a filled area, not a line. */
    static void dropThickBands(int[][] lines, double thickest) {
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

    /** The region's ink outside the rows' and the columns' runs. */
    static Rest rest(boolean[] ink, int width, Box region, int[][] rows, int[][] columns) {
        int top = Integer.MAX_VALUE;
        int bottom = -1;
        int pixels = 0;
        for (int y = region.top(); y < region.bottom(); y++) {
            for (int x = region.left(); x < region.right(); x++) {
                if (ink[y * width + x] && !inRun(rows[y - region.top()], x - region.left())
                        && !inRun(columns[x - region.left()], y - region.top())) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                    pixels++;
                }
            }
        }
        return new Rest(pixels, bottom - top + 1);
    }

    private static boolean inRun(int[] run, int offset) {
        return run != null && offset >= run[0] && offset < run[1];
    }

    private static int inkCount(boolean[] ink, int width, Box region) {
        int count = 0;
        for (int y = region.top(); y < region.bottom(); y++) {
            for (int x = region.left(); x < region.right(); x++) {
                count += ink[y * width + x] ? 1 : 0;
            }
        }
        return count;
    }

    /** Clears the runs of the region's rows (or columns) at least {@code shortest} long. */
    private static void clear(boolean[] ink, int width, Box region, int[][] runs, boolean rows,
            double shortest) {
        for (int line = 0; line < runs.length; line++) {
            int[] run = runs[line];
            if (run != null && run[1] - run[0] >= shortest) {
                int start = start(width, region, rows, line);
                for (int cell = run[0]; cell < run[1]; cell++) {
                    ink[start + cell * (rows ? 1 : width)] = false;
                }
            }
        }
    }
}
