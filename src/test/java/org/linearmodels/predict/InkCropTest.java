package org.linearmodels.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linearmodels.predict.DrawnPictures.count;
import static org.linearmodels.predict.DrawnPictures.drawn;
import static org.linearmodels.predict.DrawnPictures.mask;
import static org.linearmodels.predict.DrawnPictures.paint;
import static org.linearmodels.predict.DrawnPictures.paper;

import java.awt.BasicStroke;
import org.junit.jupiter.api.Test;
import org.linearmodels.predict.InkCrop.Box;
import org.linearmodels.predict.InkCrop.Crop;
import org.linearmodels.predict.InkCrop.Ink;

/** Each step of {@link InkCrop} on a small picture drawn here. */
class InkCropTest {

    private static final Box SQUARE = new Box(0, 0, 30, 30);

    @Test
    void brightnessAveragesALargePictureDownAndScalesGreyToOne() {
        // 1025 pixels wide: blocks of 3×3, the last one 2 wide; white up to x = 600.
        int width = 1025;
        int height = 6;
        byte[] grey = new byte[width * height];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = (byte) (i % width <= 600 ? 255 : 51);
        }
        int[] size = new int[2];
        float[] brightness = InkCrop.brightness(grey, width, height, size);
        assertArrayEquals(new int[] {342, 2}, size);
        assertTrue(size[0] <= InkCrop.MAX_SIDE);
        assertEquals(1f, brightness[199], 1e-6);
        assertEquals((255 + 2 * 51) / 3f / 255, brightness[200], 1e-6);
        assertEquals(0.2f, brightness[341], 1e-6);

        float[] small = InkCrop.brightness(new byte[] {0, 51, (byte) 255, 102}, 2, 2, size);
        assertArrayEquals(new int[] {2, 2}, size);
        assertArrayEquals(new float[] {0f, 0.2f, 1f, 0.4f}, small, 1e-6f);
    }

    @Test
    void aPictureIsBlankUnlessAStrokeStandsOutOfItsNoise() {
        float[] speck = paper(40, 30, 0.7f);
        speck[15 * 40 + 20] = 0.2f;
        assertTrue(InkCrop.blank(speck, 40, 30), "a lone dark pixel is noise");
        float[] stroke = paint(paper(40, 30, 0.7f), 40, 0.4f, g -> g.fillRect(10, 5, 3, 20));
        assertFalse(InkCrop.blank(stroke, 40, 30));
    }

    @Test
    void aDarkObjectOnLightPaperIsTurnedLightOnDark() {
        float[] boot = paint(paper(30, 20, 0.9f), 30, 0.1f, g -> g.fillRect(5, 5, 20, 10));
        float[] turned = InkCrop.lightOnDark(boot, 30, 20);
        assertEquals(0.1f, turned[0], 1e-6);
        assertEquals(0.9f, turned[10 * 30 + 15], 1e-6);
        assertEquals(0.9f, boot[0], "the picture itself is left as it was");

        float[] light = paint(paper(30, 20, 0.1f), 30, 0.9f, g -> g.fillRect(5, 5, 20, 10));
        assertArrayEquals(light, InkCrop.lightOnDark(light, 30, 20));
    }

    @Test
    void contrastIsStretchedFromTheDarkestToTheLightest() {
        assertArrayEquals(new float[] {0f, 0.5f, 1f, 0.25f},
                InkCrop.contrastStretched(new float[] {0.3f, 0.5f, 0.7f, 0.4f}), 1e-6f);
    }

    @Test
    void aGarmentIsCutToTheBoxOfAllButItsFaintPixels() {
        float[] picture = paint(paper(40, 30, 0.95f), 40, 0.05f,
                g -> g.fillRect(8, 6, 20, 12));
        paint(picture, 40, 0.9f, g -> g.fillRect(32, 24, 4, 4));
        Crop crop = InkCrop.object(picture, 40, 30);
        assertEquals(20, crop.width());
        assertEquals(12, crop.height());
        for (float value : crop.values()) {
            assertEquals(1f, value, 1e-6);
        }
    }

    @Test
    void aDigitIsCutFromRuledPaperWithoutTheLineOrASpeck() {
        float[] picture = paper(120, 100, 0.95f);
        paint(picture, 120, 0.1f, g -> {
            g.setStroke(new BasicStroke(6));
            g.drawOval(40, 15, 36, 54);
        });
        paint(picture, 120, 0.3f, g -> g.fillRect(0, 80, 120, 2));
        paint(picture, 120, 0.2f, g -> g.fillRect(100, 20, 2, 2));
        Crop crop = InkCrop.digit(picture, 120, 100);
        // The oval's outline, 6 wide about a 36 × 54 path.
        assertEquals(36 + 6, crop.width(), 1);
        assertEquals(54 + 6, crop.height(), 1);
    }

    @Test
    void theInkOfARegionIsTheSideOfItsThresholdThatIsNotTheBackground() {
        float[] picture = paint(paper(30, 30, 0.9f), 30, 0.2f, g -> g.fillRect(12, 5, 4, 20));
        Ink ink = InkCrop.ink(picture, 30, SQUARE);
        assertFalse(ink.light());
        assertTrue(ink.threshold() >= 0.2f && ink.threshold() < 0.9f, "" + ink.threshold());
        assertArrayEquals(drawn(30, 30, g -> g.fillRect(12, 5, 4, 20)), ink.mask());
    }

    @Test
    void aLightDigitOnADarkPanelInsideALightMarginIsLookedForInsideThePanel() {
        float[] picture = paint(paper(120, 120, 0.95f), 120, 0.1f,
                g -> g.fillRect(15, 15, 90, 90));
        paint(picture, 120, 0.9f, g -> {
            g.setStroke(new BasicStroke(5));
            g.drawOval(45, 35, 30, 50);
        });
        Ink ink = InkCrop.inkInsidePanels(picture, 120, 120);
        assertEquals(new Box(17, 17, 103, 103), ink.region());
        assertTrue(ink.light());
        assertArrayEquals(drawn(120, 120, g -> {
            g.setStroke(new BasicStroke(5));
            g.drawOval(45, 35, 30, 50);
        }), ink.mask());

        float[] plain = paint(paper(60, 60, 0.95f), 60, 0.1f, g -> g.fillRect(25, 10, 6, 40));
        assertEquals(new Box(0, 0, 60, 60), InkCrop.inkInsidePanels(plain, 60, 60).region());
    }

    @Test
    void insideAPanelLeavesOutItsRim() {
        InkPieces.Part panel = new InkPieces.Part(1, 1681, 10, 20, 50, 60, false);
        assertEquals(new Box(12, 22, 49, 59), InkCrop.inside(panel));
    }

    @Test
    void otsuSplitsTheRegionsTwoBrightnesses() {
        // Left half: 0.1 and 0.5; right half: 0.6 and 0.9.
        float[] picture = paper(30, 30, 0.5f);
        paint(picture, 30, 0.1f, g -> g.fillRect(5, 5, 5, 20));
        paint(picture, 30, 0.9f, g -> g.fillRect(15, 0, 15, 30));
        paint(picture, 30, 0.6f, g -> g.fillRect(20, 5, 5, 20));
        float left = InkCrop.otsu(picture, 30, new Box(0, 0, 15, 30));
        float right = InkCrop.otsu(picture, 30, new Box(15, 0, 30, 30));
        assertTrue(left >= 0.1f && left < 0.5f, "left " + left);
        assertTrue(right >= 0.6f && right < 0.9f, "right " + right);
    }

    @Test
    void theInkIsLightWhenMostOfTheEdgeIsDark() {
        float[] dark = paint(paper(30, 30, 0.9f), 30, 0.1f, g -> g.fillRect(10, 10, 10, 10));
        assertFalse(InkCrop.inkIsLight(dark, 30, SQUARE, 0.5f));
        float[] light = paint(paper(30, 30, 0.1f), 30, 0.9f, g -> g.fillRect(10, 10, 10, 10));
        assertTrue(InkCrop.inkIsLight(light, 30, SQUARE, 0.5f));
        paint(light, 30, 0.9f, g -> g.fillRect(0, 0, 30, 4));
        assertTrue(InkCrop.inkIsLight(light, 30, SQUARE, 0.5f),
                "a light margin along one side is not the background");
    }

    @Test
    void theInkMaskHoldsTheRegionsPixelsOnTheInkSide() {
        float[] picture = paint(paper(10, 10, 0.9f), 10, 0.1f, g -> g.fillRect(2, 2, 6, 6));
        boolean[] ink = InkCrop.inkMask(picture, 10, new Box(0, 0, 5, 10), 0.5f, false);
        assertArrayEquals(drawn(10, 10, g -> g.fillRect(2, 2, 3, 6)), ink);
        assertThrows(BlankPictureException.class,
                () -> InkCrop.inkMask(picture, 10, new Box(0, 0, 2, 10), 0.5f, false));
    }

    @Test
    void inkStrengthRunsFromTypicalPaperToStrongInkNotFromTheExtremes() {
        float[] picture = paint(paper(20, 20, 0.9f), 20, 0.1f, g -> g.fillRect(5, 5, 10, 4));
        paint(picture, 20, 0.5f, g -> g.fillRect(5, 12, 10, 1));
        picture[7 * 20 + 7] = 0f;
        paint(picture, 20, 0.98f, g -> g.fillRect(0, 18, 20, 2));
        Box all = new Box(0, 0, 20, 20);
        boolean[] mask = InkCrop.inkMask(picture, 20, all, 0.7f, false);
        float[] strength = InkCrop.stretched(picture, 20, new Ink(all, 0.7f, false, mask));
        assertEquals(0f, strength[0], 0.01);
        assertEquals(1f, strength[6 * 20 + 6], 0.01);
        assertEquals(0.5f, strength[12 * 20 + 6], 0.01);

        // Ink a thousandth lighter than the paper: the same level of 256.
        float[] faint = paper(20, 20, 0.5f);
        faint[0] = 0.501f;
        assertThrows(BlankPictureException.class, () -> InkCrop.stretched(faint, 20,
                new Ink(all, 0.5005f, true, InkCrop.inkMask(faint, 20, all, 0.5005f, true))));
    }

    @Test
    void aQuantileIsTheLevelWhereTheCountPassesItsShare() {
        int[] histogram = new int[256];
        histogram[10] = 60;
        histogram[200] = 40;
        assertEquals(10, InkCrop.quantile(histogram, 0.5));
        assertEquals(200, InkCrop.quantile(histogram, 0.95));
        assertEquals(255, InkCrop.quantile(new int[256], 0.5));
    }

    @Test
    void aMaskGrowsByOnePixelAllRound() {
        assertArrayEquals(mask(
                ".###.",
                ".###.",
                ".###.",
                "....."), InkCrop.grown(mask(
                ".....",
                "..#..",
                ".....",
                "....."), 5, 4));
        assertArrayEquals(mask(
                "##...",
                "##...",
                "....."), InkCrop.grown(mask(
                "#....",
                ".....",
                "....."), 5, 3));
    }

    @Test
    void strokesAreBroughtToAboutMnistsWidth() {
        Crop hairline = bar(30, 100, 2);
        Crop thickened = InkCrop.withMnistStroke(hairline, 20);
        double scale = 20.0 / Math.max(thickened.width(), thickened.height());
        double width = InkCrop.strokeWidth(thickened) * scale;
        assertTrue(width >= 2.2 && width <= 3.1, "thickened to " + width);

        Crop bold = bar(100, 100, 40);
        Crop thinned = InkCrop.withMnistStroke(bold, 20);
        assertEquals(100, thinned.width());
        double before = InkCrop.strokeWidth(bold) * 0.2;
        double after = InkCrop.strokeWidth(thinned) * 0.2;
        assertTrue(after < before - 1, "thinned from " + before + " to " + after);

        Crop fine = bar(100, 100, 13);
        assertSame(fine, InkCrop.withMnistStroke(fine, 20));
    }

    @Test
    void aStrokesWidthIsMeasuredFromItsAreaAndEdge() {
        for (int width : new int[] {4, 8, 12}) {
            assertEquals(width, InkCrop.strokeWidth(bar(40, 200, width)), 0.1 * width);
        }
    }

    @Test
    void aThreeByThreeFilterSpreadsOrShrinksThePixels() {
        float[] dot = new float[25];
        dot[12] = 1f;
        float[] spread = InkCrop.filter3x3(dot, 5, 5, true);
        assertEquals(9, count(asMask(spread)));
        assertTrue(spread[6] == 1f && spread[18] == 1f && spread[0] == 0f);
        assertArrayEquals(dot, InkCrop.filter3x3(spread, 5, 5, false));
        assertEquals(0, count(asMask(InkCrop.filter3x3(dot, 5, 5, false))));
    }

    @Test
    void aCutIsTheBoxOfTheKeptInkOthersCleared() {
        float[] values = {
            0f, 0f, 0f, 0f, 0f,
            0f, 0.5f, 0.1f, 0f, 0f,
            0f, 0f, 0.9f, 0f, 0.8f,
            0f, 0f, 0f, 0f, 0f,
        };
        boolean[] keep = mask(
                ".....",
                ".##..",
                "..#..",
                ".....");
        Crop crop = InkCrop.cut(values, 5, keep, "digit");
        assertEquals(2, crop.width());
        assertEquals(2, crop.height());
        assertArrayEquals(new float[] {0.5f, 0f, 0f, 0.9f}, crop.values());
        BlankPictureException error = assertThrows(BlankPictureException.class,
                () -> InkCrop.cut(values, 5, new boolean[values.length], "garment"));
        assertEquals("no garment found: the picture is blank.", error.getMessage());
    }

    @Test
    void aBoxsEdgeIsItsOutermostPixelsRowByRow() {
        Box box = new Box(1, 1, 4, 4);
        assertArrayEquals(new int[] {6, 7, 8, 11, 13, 16, 17, 18}, box.edge(5));
        assertTrue(box.onEdge(1, 2));
        assertFalse(box.onEdge(2, 2));
        assertArrayEquals(new int[] {2, 7, 12}, new Box(2, 0, 3, 3).edge(5));
    }

    /** A crop {@code width} × {@code height} with a full-height bar {@code bar} wide across it. */
    private static Crop bar(int width, int height, int bar) {
        float[] values = paint(paper(width, height, 0f), width, 1f,
                g -> g.fillRect((width - bar) / 2, 0, bar, height));
        return new Crop(values, width, height);
    }

    private static boolean[] asMask(float[] values) {
        boolean[] mask = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            mask[i] = values[i] > 0;
        }
        return mask;
    }
}
