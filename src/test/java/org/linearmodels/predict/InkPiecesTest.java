package org.linearmodels.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linearmodels.predict.DrawnPictures.drawn;
import static org.linearmodels.predict.DrawnPictures.mask;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.linearmodels.predict.InkCrop.Box;
import org.linearmodels.predict.InkPieces.Part;

/** Each step of {@link InkPieces} on a small picture drawn here. */
class InkPiecesTest {

    private static final Box SQUARE = new Box(0, 0, 60, 60);

    @Test
    void inkTouchingAtACornerIsOnePieceAndOnlyTheRegionCounts() {
        boolean[] ink = mask(
                "##......",
                "##..#...",
                "...#.#..",
                "....#...",
                "......##",
                "......#.");
        InkPieces pieces = InkPieces.of(ink, 8, new Box(0, 0, 8, 6));
        assertEquals(List.of(new Part(1, 4, 0, 0, 1, 1, true), new Part(2, 4, 3, 1, 5, 3, false),
                new Part(3, 3, 6, 4, 7, 5, true)), pieces.parts());
        assertSame(pieces.parts().get(0), pieces.largest(), "the first of the largest");

        InkPieces inside = InkPieces.of(ink, 8, new Box(2, 1, 8, 4));
        assertEquals(List.of(new Part(1, 4, 3, 1, 5, 3, true)), inside.parts());
    }

    @Test
    void aLargeFilledRectangleIsAPanelAndADigitIsNot() {
        boolean[] digit = drawn(60, 60, g -> {
            g.setStroke(new BasicStroke(4));
            g.drawOval(22, 16, 16, 28);
        });
        boolean[] panel = drawn(60, 60, g -> g.fillRect(5, 5, 50, 50));
        for (int i = 0; i < panel.length; i++) {
            panel[i] &= !digit[i];
        }
        assertTrue(isPanel(panel), "a dark button under a light digit");
        assertFalse(isPanel(drawn(60, 60, g -> {
            g.setStroke(new BasicStroke(5));
            g.drawOval(15, 10, 30, 40);
        })), "a 0");
        assertFalse(isPanel(drawn(60, 60, g -> g.fillOval(10, 10, 40, 40))), "a blot");
        assertFalse(isPanel(drawn(60, 60, g -> {
            g.setStroke(new BasicStroke(3));
            g.drawRect(5, 5, 50, 50);
        })), "a frame");
        assertFalse(isPanel(drawn(60, 60, g -> g.fillRect(20, 20, 20, 20))), "a small square");
    }

    @Test
    void theDigitIsItsMainPieceAndThePiecesCloseToIt() {
        Consumer<Graphics2D> five = g -> {
            g.setStroke(new BasicStroke(4));
            g.drawOval(25, 30, 25, 30);
            g.fillRect(27, 20, 24, 4);
        };
        boolean[] ink = drawn(80, 80, five.andThen(g -> {
            g.fillRect(37, 45, 2, 1);
            g.fillRect(66, 66, 6, 6);
            g.fillRect(0, 76, 80, 2);
        }));
        assertArrayEquals(drawn(80, 80, five), InkPieces.of(ink, 80, new Box(0, 0, 80, 80))
                .digit(), "without a speck, a far blot and a line along the edge");

        Consumer<Graphics2D> cutOff = g -> {
            g.setStroke(new BasicStroke(4));
            g.drawOval(-10, 20, 30, 30);
        };
        boolean[] atEdge = drawn(80, 80, cutOff.andThen(g -> g.fillRect(50, 40, 2, 2)));
        assertArrayEquals(drawn(80, 80, cutOff), InkPieces.of(atEdge, 80,
                new Box(0, 0, 80, 80)).digit(), "cut off by the edge, with nothing big inside");
    }

    @Test
    void aSmallDigitKeepsABrokenStrokeButNotASpeckAsClose() {
        String[] one = {
            "............",
            ".....#......",
            ".....#......",
            ".....#......",
            ".....#......",
            ".....#.##...",
            ".....#......",
            ".....#......",
            ".....#......",
            ".....#......",
            ".....#......",
            "............",
            ".....#......",
            ".....#......",
            ".....#......",
            "............",
        };
        boolean[] expected = mask(one);
        expected[5 * 12 + 7] = false;
        expected[5 * 12 + 8] = false;
        assertArrayEquals(expected, InkPieces.of(mask(one), 12, new Box(0, 0, 12, 16)).digit());
    }

    private static boolean isPanel(boolean[] ink) {
        InkPieces pieces = InkPieces.of(ink, 60, SQUARE);
        return pieces.isPanel(pieces.largest());
    }
}
