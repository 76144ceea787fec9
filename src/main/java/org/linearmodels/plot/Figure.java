package org.linearmodels.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.linearmodels.io.AtomicFiles;
import org.linearmodels.io.WriteFailure;

/** Draws {@link Panel}s with XChart into one PNG, in a grid like matplotlib's subplots. */
public final class Figure {

    public static final int PANEL_WIDTH = 640;
    public static final int PANEL_HEIGHT = 400;
    /** Beyond this many points a line is drawn without markers. */
    private static final int MANY_POINTS = 30;

    private Figure() {}

    /** Renders {@code panels} row by row, {@code columns} to a row. */
    public static BufferedImage render(List<Panel> panels, int columns) {
        int rows = (panels.size() + columns - 1) / columns;
        BufferedImage image = new BufferedImage(columns * PANEL_WIDTH, rows * PANEL_HEIGHT,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int i = 0; i < panels.size(); i++) {
            BufferedImage chart = BitmapEncoder.getBufferedImage(toChart(panels.get(i)));
            graphics.drawImage(chart, (i % columns) * PANEL_WIDTH, (i / columns) * PANEL_HEIGHT,
                    null);
        }
        graphics.dispose();
        return image;
    }

    /** Renders and writes {@code panels} to {@code file} as a PNG, atomically. */
    public static void save(List<Panel> panels, int columns, Path file) {
        writePng(render(panels, columns), file);
    }

    /**
     * Writes {@code image} to {@code file} as a PNG, replacing it atomically; a failing write
     * is an {@link org.linearmodels.errors.OutputException}. The stream is opened here rather
     * than by ImageIO, which prints the stack trace of a file it cannot create.
     */
    public static void writePng(BufferedImage image, Path file) {
        try {
            AtomicFiles.write(file, temp -> {
                try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                        ImageOutputStream png = new MemoryCacheImageOutputStream(out)) {
                    if (!ImageIO.write(image, "png", png)) {
                        throw new IOException("no PNG writer in this JRE");
                    }
                }
            });
        } catch (IOException e) {
            throw WriteFailure.of(file, e, "Make room or choose another --output-dir.");
        }
    }

    private static XYChart toChart(Panel panel) {
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT)
                .title(panel.title()).xAxisTitle(panel.xLabel()).yAxisTitle(panel.yLabel())
                .build();
        XYStyler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setLegendVisible(panel.series().size() > 1);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesVisible(true);
        styler.setAntiAlias(true);
        styler.setXAxisDecimalPattern("#.##");
        styler.setYAxisDecimalPattern("#.###");
        if (panel.xMin() != null) {
            styler.setXAxisMin(panel.xMin()).setXAxisMax(panel.xMax());
        } else {
            Series first = panel.series().get(0);
            double[] x = first.x();
            if (first.style() != Series.Style.SCATTER && x.length > MANY_POINTS) {
                // XChart puts ticks on the data values themselves when they are equally spaced,
                // which crowds the labels of hundreds of epochs together; half a step of margin
                // breaks the spacing, and XChart picks round numbers instead.
                styler.setXAxisMin(x[0] - (x[1] - x[0]) / 2);
            }
        }
        if (panel.yMin() != null) {
            styler.setYAxisMin(panel.yMin()).setYAxisMax(panel.yMax());
        }
        for (Series series : panel.series()) {
            XYSeries xy = chart.addSeries(series.name(), series.x(), series.y());
            if (series.color() != null) {
                xy.setLineColor(series.color());
                xy.setMarkerColor(series.color());
            }
            switch (series.style()) {
                case SCATTER -> xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                case DASHED -> {
                    xy.setLineStyle(SeriesLines.DASH_DASH);
                    xy.setMarker(SeriesMarkers.NONE);
                }
                case LINE -> {
                    if (series.x().length > MANY_POINTS) {
                        xy.setMarker(SeriesMarkers.NONE);
                    }
                }
            }
        }
        return chart;
    }
}
