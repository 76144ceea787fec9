package org.linearmodels.plot;

/**
 * One named set of points in a {@link Panel}.
 *
 * @param scatter draw markers only, else a line with markers
 */
public record Series(String name, double[] x, double[] y, boolean scatter) {

    public static Series line(String name, double[] x, double[] y) {
        return new Series(name, x, y, false);
    }

    public static Series scatter(String name, double[] x, double[] y) {
        return new Series(name, x, y, true);
    }
}
