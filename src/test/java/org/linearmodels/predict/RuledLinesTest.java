package org.linearmodels.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.linearmodels.predict.DrawnPictures.drawn;
import static org.linearmodels.predict.DrawnPictures.mask;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.linearmodels.predict.InkCrop.Box;

/** Each step of {@link RuledLines} on a small picture drawn here. */
class RuledLinesTest {

    private static final int SIDE = 60;
    private static final Box ALL = new Box(0, 0, SIDE, SIDE);
    /** A 0, 28 pixels wide and 34 tall. */
    private static final Consumer<Graphics2D> ZERO = g -> {
        g.setStroke(new BasicStroke(4));
        g.drawOval(18, 10, 24, 30);
    };

    @Test
    void aRuledLineUnderADigitAndAFrameAroundItAreCleared() {
        boolean[] ink = drawn(SIDE, SIDE, ZERO.andThen(g -> g.fillRect(0, 50, SIDE, 4)));
        RuledLines.remove(ink, SIDE, ALL);
        assertArrayEquals(drawn(SIDE, SIDE, ZERO), ink);

        boolean[] framed = drawn(SIDE, SIDE, ZERO.andThen(g -> {
            g.setStroke(new BasicStroke(2));
            g.drawRect(2, 2, SIDE - 5, SIDE - 5);
        }));
        RuledLines.remove(framed, SIDE, ALL);
        assertArrayEquals(drawn(SIDE, SIDE, ZERO), framed);
    }

    @Test
    void linesThatAreTheDigitStay() {
        Consumer<Graphics2D> one = g -> g.fillRect(3, 5, 3, 50);
        boolean[] ink = drawn(SIDE, SIDE, one);
        RuledLines.remove(ink, SIDE, ALL);
        assertArrayEquals(drawn(SIDE, SIDE, one), ink, "a 1 near the side is not a frame");

        Consumer<Graphics2D> seven = g -> {
            g.fillRect(8, 8, 42, 3);
            g.setStroke(new BasicStroke(3));
            g.drawLine(48, 10, 25, 55);
        };
        boolean[] bar = drawn(SIDE, SIDE, seven);
        RuledLines.remove(bar, SIDE, ALL);
        assertArrayEquals(drawn(SIDE, SIDE, seven), bar,
                "a 7's bar is not longer than the 7 is tall");
    }

    @Test
    void aRowIsALineWhereItsInkRunsAcrossMostOfTheRegion() {
        int[][] rows = RuledLines.ruledRows(mask(
                "..........",
                ".#########",
                "###.####..",
                "##########"), 10, new Box(0, 0, 10, 4));
        assertNull(rows[0]);
        assertArrayEquals(new int[] {1, 10}, rows[1]);
        assertNull(rows[2]);
        assertArrayEquals(new int[] {0, 10}, rows[3]);
    }

    @Test
    void aColumnIsAFramesSideWhereItIsTallAndNearTheLeftOrRight() {
        boolean[] ink = drawn(20, 10, g -> {
            g.fillRect(0, 0, 1, 10);
            g.fillRect(10, 0, 1, 10);
            g.fillRect(19, 2, 1, 7);
            g.fillRect(18, 0, 1, 3);
        });
        int[][] columns = RuledLines.frameSides(ink, 20, new Box(0, 0, 20, 10));
        assertArrayEquals(new int[] {0, 10}, columns[0]);
        assertNull(columns[10], "a stroke in the middle");
        assertArrayEquals(new int[] {2, 9}, columns[19]);
        assertNull(columns[18], "a short stroke");
    }

    @Test
    void theLongestRunIsFoundAlongARowOrAColumn() {
        boolean[] ink = mask(
                "##.####.#",
                "#........",
                "#........");
        assertArrayEquals(new int[] {3, 7}, RuledLines.longestRun(ink, 0, 1, 9));
        assertArrayEquals(new int[] {0, 3}, RuledLines.longestRun(ink, 0, 9, 3));
        assertArrayEquals(new int[] {0, 0}, RuledLines.longestRun(ink, 2, 9, 3));
    }

    @Test
    void bandsOfLinesThickerThanALineAreForgotten() {
        int[] run = {0, 5};
        int[][] lines = {null, run, run, null, run, run, run, run, run, null, run};
        RuledLines.dropThickBands(lines, 2);
        assertArrayEquals(new int[][] {null, run, run, null, null, null, null, null, null, null,
            run}, lines);
    }

    @Test
    void theRestIsTheInkOutsideTheLines() {
        boolean[] ink = mask(
                "######",
                "#.##..",
                "#.#...",
                "#.....");
        int[][] rows = {{0, 6}, null, null, null};
        int[][] columns = {{0, 4}, null, null, null, null, null};
        RuledLines.Rest rest = RuledLines.rest(ink, 6, new Box(0, 0, 6, 4), rows, columns);
        assertEquals(new RuledLines.Rest(3, 2), rest);
    }
}
