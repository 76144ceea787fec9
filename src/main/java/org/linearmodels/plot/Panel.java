package org.linearmodels.plot;

import java.util.List;

/**
 * One chart of a {@link Figure}: a title, axis labels, its series, and optionally a fixed range
 * for each axis (null lets the range follow the data).
 */
public record Panel(String title, String xLabel, String yLabel, List<Series> series,
        Double xMin, Double xMax, Double yMin, Double yMax) {

    public Panel(String title, String xLabel, String yLabel, List<Series> series) {
        this(title, xLabel, yLabel, series, null, null, null, null);
    }

    /** This panel with its y axis fixed to [min, max]. */
    public Panel withYRange(double min, double max) {
        return new Panel(title, xLabel, yLabel, series, xMin, xMax, min, max);
    }

    /** This panel with its x axis fixed to [min, max]. */
    public Panel withXRange(double min, double max) {
        return new Panel(title, xLabel, yLabel, series, min, max, yMin, yMax);
    }
}
