package org.linearmodels.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linearmodels.predict.DrawnPictures.drawn;
import static org.linearmodels.predict.DrawnPictures.paint;
import static org.linearmodels.predict.DrawnPictures.paper;

import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Each step of {@link Levelling} on a small picture drawn here. */
class LevellingTest {

    private static final int WIDTH = 60;
    private static final int HEIGHT = 50;

    @Test
    void aFallOfLightAcrossPlainPaperIsLevelledAndTheInkKept() {
        Consumer<Graphics2D> marks = g -> {
            g.fillRect(25, 15, 10, 20);
            g.fillRect(0, 0, 3, 3);
        };
        float[] picture = paint(lit(paper(WIDTH, HEIGHT, 0f), WIDTH, 0.24f), WIDTH, 0.1f, marks);
        float[] levelled = Levelling.levelled(picture, WIDTH, HEIGHT);
        boolean[] ink = drawn(WIDTH, HEIGHT, marks);
        float low = Float.MAX_VALUE;
        float high = -Float.MAX_VALUE;
        for (int[] p : Levelling.edge(WIDTH, HEIGHT)) {
            int i = p[1] * WIDTH + p[0];
            if (!ink[i]) {
                low = Math.min(low, levelled[i]);
                high = Math.max(high, levelled[i]);
            }
        }
        assertEquals(0.62f, low, 1e-4, "the paper's level at the centre");
        assertEquals(low, high, 1e-4, "the paper is even, the blot in the corner ignored");
        assertTrue(levelled[25 * WIDTH + 30] < low - 0.4f, "the digit stays dark");
    }

    @Test
    void evenBusyOrTinyPicturesAreLeftAsTheyAre() {
        float[] even = paint(paper(WIDTH, HEIGHT, 0.9f), WIDTH, 0.1f,
                g -> g.fillRect(25, 15, 10, 20));
        assertSame(even, Levelling.levelled(even, WIDTH, HEIGHT));

        float[] margin = paint(lit(paper(WIDTH, HEIGHT, 0f), WIDTH, 0.24f), WIDTH, 0.1f,
                g -> g.fillRect(0, 0, 10, HEIGHT));
        assertSame(margin, Levelling.levelled(margin, WIDTH, HEIGHT), "a margin, not paper");

        float[] speckled = lit(paper(WIDTH, HEIGHT, 0f), WIDTH, 0.24f);
        List<int[]> edge = Levelling.edge(WIDTH, HEIGHT);
        for (int i = 0; i < edge.size(); i += 5) {
            speckled[edge.get(i)[1] * WIDTH + edge.get(i)[0]] += i % 10 == 0 ? 0.4f : -0.4f;
        }
        assertSame(speckled, Levelling.levelled(speckled, WIDTH, HEIGHT), "specks, not paper");

        float[] noisy = lit(paper(WIDTH, HEIGHT, 0f), WIDTH, 0.24f);
        Random random = new Random(7);
        for (int i = 0; i < noisy.length; i++) {
            noisy[i] += 0.3f * (random.nextFloat() - 0.5f);
        }
        assertSame(noisy, Levelling.levelled(noisy, WIDTH, HEIGHT), "the paper is not a plane");

        float[] faint = lit(paper(WIDTH, HEIGHT, 0.3f), WIDTH, 0.03f);
        assertSame(faint, Levelling.levelled(faint, WIDTH, HEIGHT), "the fall is noise");

        float[] tiny = lit(paper(7, 7, 0f), 7, 0.5f);
        assertSame(tiny, Levelling.levelled(tiny, 7, 7));
    }

    @Test
    void theEdgeIsTheOutermostTwoRowsAndColumns() {
        List<int[]> edge = Levelling.edge(10, 8);
        assertEquals(10 * 8 - 6 * 4, edge.size());
        for (int[] p : edge) {
            assertTrue(p[0] < 2 || p[1] < 2 || p[0] >= 8 || p[1] >= 6, p[0] + ", " + p[1]);
        }
    }

    @Test
    void aPlaneIsFittedToThePointsInUse() {
        float[] picture = new float[5 * 4];
        List<int[]> points = new ArrayList<>();
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 5; x++) {
                picture[y * 5 + x] = 0.1f + 0.02f * x + 0.03f * y;
                points.add(new int[] {x, y});
            }
        }
        picture[7] = 1f;
        boolean[] use = new boolean[points.size()];
        Arrays.fill(use, true);
        use[7] = false;
        assertArrayEquals(new double[] {0.1, 0.02, 0.03},
                Levelling.fitPlane(picture, 5, points, use), 1e-6);
    }

    @Test
    void residualsAreEachPointsDistanceFromThePlane() {
        float[] picture = {0.5f, 0.7f, 0.2f};
        List<int[]> points = List.of(new int[] {0, 0}, new int[] {1, 0}, new int[] {2, 0});
        assertArrayEquals(new double[] {0, 0.1, 0.5},
                Levelling.residuals(picture, 3, points, new double[] {0.5, 0.1, 0}), 1e-6);
    }

    @Test
    void theMedianIsTheMiddleValueOrTheUpperOfTwo() {
        assertEquals(2, Levelling.median(new double[] {3, 1, 2}));
        assertEquals(3, Levelling.median(new double[] {4, 1, 3, 2}));
    }

    @Test
    void withoutItsSlopeAPlaneIsItsLevelAtTheCentre() {
        float[] picture = new float[6 * 4];
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 6; x++) {
                picture[y * 6 + x] = 0.2f + 0.05f * x - 0.04f * y;
            }
        }
        float[] flat = Levelling.withoutSlope(picture, 6, 4, new double[] {0.2, 0.05, -0.04});
        for (float value : flat) {
            assertEquals(0.2f + 0.05f * 3 - 0.04f * 2, value, 1e-6);
        }
    }

    /** The picture plus light rising from 0.5 at the left by {@code fall} across it. */
    private static float[] lit(float[] picture, int width, float fall) {
        for (int i = 0; i < picture.length; i++) {
            picture[i] += 0.5f + fall * (i % width) / width;
        }
        return picture;
    }
}
