package org.linearmodels.plot;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The pictures of a binary classifier on two features scaled to about [0.2, 1]: the points by
 * class, the sigmoid, and decision lines w0·x1 + w1·x2 + b = 0, where p = 0.5.
 */
public final class TwoFeaturePlots {

    /** A decision line's name and the parameters it comes from. */
    public record Line(String name, float[] weights, float bias) {}

    private static final Color CLASS_0 = new Color(214, 39, 40);
    private static final Color CLASS_1 = new Color(31, 119, 180);
    private static final Color[] LINES = {new Color(44, 160, 44), new Color(148, 103, 189)};
    /**
     * Points drawn per class at most: more add nothing a 600-pixel panel shows, and XChart's
     * axis code hashes every value (4 million rows took minutes and gigabytes).
     */
    static final int MAX_POINTS = 5000;

    private final Points class0;
    private final Points class1;
    private final String xLabel;
    private final String yLabel;

    /** One class's points: its name, the first feature and the second of each. */
    public record Points(String name, double[] x, double[] y) {}

    public TwoFeaturePlots(Points class0, Points class1, String xLabel, String yLabel) {
        this.class0 = class0;
        this.class1 = class1;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** The points, coloured by class, under the classes' names. */
    public Panel scatter(String title) {
        return new Panel(title, xLabel, yLabel, List.of(
                Series.scatter(class0.name(), thin(class0.x()), thin(class0.y()))
                        .withColor(CLASS_0),
                Series.scatter(class1.name(), thin(class1.x()), thin(class1.y()))
                        .withColor(CLASS_1)))
                .withXRange(0.2, 1.05).withYRange(0.2, 1.05);
    }

    /** Every k-th value, k chosen so that at most {@link #MAX_POINTS} remain. */
    static double[] thin(double[] values) {
        int step = (values.length + MAX_POINTS - 1) / MAX_POINTS;
        return step <= 1 ? values
                : IntStream.range(0, values.length / step).mapToDouble(i -> values[i * step])
                        .toArray();
    }

    /** The sigmoid on [-10, 10]. */
    public static Panel sigmoid() {
        double[] z = IntStream.rangeClosed(0, 2000).mapToDouble(i -> -10 + i * 0.01).toArray();
        double[] s = Arrays.stream(z).map(v -> 1 / (1 + Math.exp(-v))).toArray();
        return new Panel("sigmoid(z) = 1 / (1 + e^-z)", "z", "sigmoid(z)",
                List.of(Series.line("sigmoid", z, s).withColor(CLASS_0)));
    }

    /** The points and each line, the second and later ones dashed, saved as a PNG. */
    public void saveBoundaries(List<Line> lines, String title, Path file) {
        List<Series> series = new ArrayList<>(scatter(title).series());
        double[] x1 = IntStream.rangeClosed(0, 80).mapToDouble(i -> 0.2 + i * 0.01).toArray();
        for (int r = 0; r < lines.size(); r++) {
            Line line = lines.get(r);
            double[] x2 = Arrays.stream(x1)
                    .map(v -> (-line.weights()[0] * v - line.bias()) / line.weights()[1])
                    .toArray();
            Series drawn = Series.line(line.name(), x1, x2).withColor(LINES[r % LINES.length]);
            series.add(r == 0 ? drawn : drawn.dashed());
        }
        Figure.save(List.of(new Panel(title, xLabel, yLabel, series)
                .withXRange(0.2, 1.05).withYRange(0.2, 1.05)), 1, file);
    }
}
