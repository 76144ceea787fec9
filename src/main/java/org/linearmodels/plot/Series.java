package org.linearmodels.plot;

import java.awt.Color;

/**
 * One named set of points in a {@link Panel}.
 *
 * @param color null for the chart's palette
 */
public record Series(String name, double[] x, double[] y, Style style, Color color) {

    /** How the points are drawn. */
    public enum Style { LINE, DASHED, SCATTER }

    public static Series line(String name, double[] x, double[] y) {
        return new Series(name, x, y, Style.LINE, null);
    }

    public static Series scatter(String name, double[] x, double[] y) {
        return new Series(name, x, y, Style.SCATTER, null);
    }

    /** This series drawn in {@code value}. */
    public Series withColor(Color value) {
        return new Series(name, x, y, style, value);
    }

    /** This series drawn as a dashed line, to show through another it covers. */
    public Series dashed() {
        return new Series(name, x, y, Style.DASHED, color);
    }
}
