package org.linearmodels.train;

import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListenerAdapter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.linearmodels.model.EpochRecord;
import org.linearmodels.plot.Figure;
import org.linearmodels.plot.Panel;
import org.linearmodels.plot.Series;

/**
 * Redraws the loss and accuracy curves into a PNG after every epoch, so a user can open the file
 * and watch it grow, as the d2l tutorials' animated plot does. A drawing takes about 55 ms
 * (XChart's painting and the PNG), so the chart is redrawn at most every two seconds, counted
 * from when the run made it, and always after the last epoch: T4's five 0.3 s epochs draw it
 * once, at the end, where a redraw each second drew it three times (issue 14); epochs of two
 * seconds or more draw every time.
 *
 * <p>Java2D and XChart take about 0.3 s to start; the chart's own thread starts them when a
 * driver starts ({@link #warmUpInBackground}), while the engine and the data load, and then
 * draws there, from a copy of the epochs' records, while the training thread waits between
 * two epochs (outside the epochs' timed steps). {@link #awaitDrawn} reports a drawing's
 * failure.
 */
public final class TrainingChart extends TrainingListenerAdapter {

    /** How the curves are laid out. */
    public enum Layout {
        /** Loss on the left, accuracies on the right. */
        SPLIT,
        /** Loss and accuracies on one axis from 0.3 to 0.9, as d2l's {@code train_ch3} draws. */
        COMBINED
    }

    /** Where the drivers draw it, in their output directory. */
    public static final String FILE = "training.png";

    private static final long REDRAW_NANOS = 2_000_000_000L;

    private final History history;
    private final Path file;
    private final String title;
    private final Layout layout;
    private final int epochs;
    /** The one thread that draws charts, in this process. */
    private static final ExecutorService painter = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "training-chart");
        thread.setDaemon(true);
        return thread;
    });
    private static final AtomicBoolean warming = new AtomicBoolean();
    private Future<?> pending = CompletableFuture.completedFuture(null);
    private long lastDrawn = System.nanoTime();

    /** Draws {@code history} into {@code file}; {@code epochs} is the run's last epoch. */
    public TrainingChart(History history, Path file, String title, Layout layout, int epochs) {
        this.history = history;
        this.file = file;
        this.title = title;
        this.layout = layout;
        this.epochs = epochs;
        warmUpInBackground();
    }

    /**
     * Starts Java2D, XChart and the PNG writer on the chart's thread, once per process; a
     * driver calls it first thing, so that this runs while the engine and the data load rather
     * than beside the first epochs.
     */
    public static void warmUpInBackground() {
        if (warming.compareAndSet(false, true)) {
            painter.execute(TrainingChart::warmUp);
        }
    }

    @Override
    public void onEpoch(Trainer trainer) {
        update();
    }

    @Override
    public void onTrainingEnd(Trainer trainer) {
        awaitDrawn();
    }

    /** Redraws after an epoch, unless the last drawing is under two seconds old. */
    public void update() {
        long now = System.nanoTime();
        if (history.last().epoch() != epochs && now - lastDrawn < REDRAW_NANOS) {
            return;
        }
        lastDrawn = now;
        List<EpochRecord> records = List.copyOf(history.records());
        pending = painter.submit(() -> {
            Figure.save(panels(records, title, layout), layout == Layout.SPLIT ? 2 : 1, file);
            return null;
        });
        // Waits, rather than drawing beside the next epochs: on this project's shared 2-core
        // machine that made MnistLogistic --preset fast train 1.19x slower (bench/ab 3,
        // docs/PERFORMANCE.md); the drawing's allocations and CPU time land on the steps.
        awaitDrawn();
    }

    /** Waits until the drawings started so far are written; rethrows the failure of one. */
    public void awaitDrawn() {
        try {
            pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while drawing the chart " + file, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("cannot draw the chart " + file, cause);
        }
    }

    /**
     * Loads and starts what a drawing needs (Java2D, fonts, XChart, the PNG writer) on a chart
     * with no file, so that the first real drawing does not pay for it. A failure here is left
     * for the real drawing to report.
     */
    private static void warmUp() {
        try {
            var record = new EpochRecord(1, 1.0, 0.5, 0.5, 0.0, null);
            ImageIO.write(Figure.render(panels(List.of(record), "", Layout.SPLIT), 2), "png",
                    OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException e) {
            // the real drawing reports it
        }
    }

    /** The panels for {@code records}; a regression run (no accuracy) gets the loss alone. */
    static List<Panel> panels(List<EpochRecord> records, String title, Layout layout) {
        double[] epochs = values(records, r -> (double) r.epoch());
        Series loss = Series.line("train loss", epochs, values(records, EpochRecord::trainLoss));
        List<Series> accuracies = new ArrayList<>();
        if (records.get(0).trainAccuracy() != null) {
            accuracies.add(Series.line("train accuracy", epochs,
                    values(records, EpochRecord::trainAccuracy)));
        }
        if (records.get(0).testAccuracy() != null) {
            accuracies.add(Series.line("test accuracy", epochs,
                    values(records, EpochRecord::testAccuracy)));
        }
        if (layout == Layout.COMBINED) {
            List<Series> all = new ArrayList<>(List.of(loss));
            all.addAll(accuracies);
            return List.of(new Panel(title, "epoch", "", all).withYRange(0.3, 0.9));
        }
        Panel lossPanel = new Panel(title + ": loss", "epoch", "loss", List.of(loss));
        if (accuracies.isEmpty()) {
            return List.of(lossPanel);
        }
        return List.of(lossPanel,
                new Panel(title + ": accuracy", "epoch", "accuracy", accuracies));
    }

    /** Loss and accuracy per epoch of several runs, side by side, saved as a PNG. */
    public static void saveComparison(List<String> names, List<List<EpochRecord>> runs,
            Path file) {
        List<Series> losses = new ArrayList<>();
        List<Series> accuracies = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            double[] epochs = values(runs.get(i), r -> (double) r.epoch());
            losses.add(Series.line(names.get(i), epochs,
                    values(runs.get(i), EpochRecord::trainLoss)));
            accuracies.add(Series.line(names.get(i), epochs,
                    values(runs.get(i), EpochRecord::trainAccuracy)));
        }
        Figure.save(List.of(new Panel("Loss", "epoch", "loss", losses),
                new Panel("Accuracy", "epoch", "accuracy", accuracies)), 2, file);
    }

    private static double[] values(List<EpochRecord> records, Function<EpochRecord, Double> f) {
        return records.stream().mapToDouble(r -> f.apply(r)).toArray();
    }
}
