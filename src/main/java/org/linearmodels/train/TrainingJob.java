package org.linearmodels.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.evaluator.Evaluator;
import ai.djl.training.loss.Loss;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linearmodels.engine.Engines;
import org.linearmodels.model.Checkpoints;
import org.linearmodels.model.DataProvenance;
import org.linearmodels.model.EpochRecord;
import org.linearmodels.model.Manifest;
import org.linearmodels.model.ModelSpec;

/**
 * One {@link Trainer}-based run as every driver does it: seed the engine, build the block,
 * train with the shared {@link FitLoop} and listeners (tutorial log, progress bar, chart),
 * and checkpoint into the output directory after every epoch.
 */
public final class TrainingJob implements AutoCloseable {

    public static final String CHART_FILE = "training.png";

    private final Builder plan;
    private final Model model;
    private final Trainer trainer;
    private final History history = new History();
    private final List<FitListener> extraListeners = new ArrayList<>();

    private TrainingJob(Builder plan, Device device) {
        this.plan = plan;
        Engines.pytorch().setRandomSeed(plan.settings.seed());
        model = Model.newInstance(plan.name, device, Engines.NAME);
        model.setBlock(plan.spec.newBlock());
        DefaultTrainingConfig config = new DefaultTrainingConfig(plan.loss)
                .optOptimizer(plan.settings.newOptimizer())
                .optDevices(new Device[] {device});
        trainer = model.newTrainer(config);
        trainer.initialize(plan.spec.batchShape(1));
    }

    public static Builder builder(String name, ModelSpec spec, Loss loss,
            TrainingSettings settings) {
        return new Builder(name, spec, loss, settings);
    }

    /** The model being trained; its block holds the current parameters. */
    public Model model() {
        return model;
    }

    /** Adds a listener after the standard ones (log, progress, chart, checkpoint). */
    public TrainingJob addListener(FitListener listener) {
        extraListeners.add(listener);
        return this;
    }

    /**
     * Trains every epoch of the settings, checkpointing after each.
     *
     * @param trainSize the number of training examples
     * @param test evaluated after every epoch; null for none
     * @return the manifest of the final checkpoint
     */
    public Manifest fit(Dataset train, long trainSize, Dataset test) {
        List<FitListener> listeners = new ArrayList<>();
        listeners.add(ConsoleProgress.onTerminal());
        if (plan.logEvery > 0) {
            listeners.add(new TutorialStepLog());
        }
        listeners.add(new EpochSummaryLog());
        listeners.add(history);
        listeners.add(new TrainingChart(plan.outputDir.resolve(CHART_FILE), plan.title,
                plan.chartLayout, List.of()));
        listeners.addAll(extraListeners);
        EpochCheckpoint checkpoint = new EpochCheckpoint();
        listeners.add(checkpoint);
        FitLoop loop = new FitLoop(trainer, plan.accuracy,
                plan.logEvery > 0 ? plan.logEvery : Integer.MAX_VALUE, plan.settings.seed(),
                listeners);
        loop.fit(train, trainSize, plan.settings.batchSize(), test, 1, plan.settings.epochs());
        return checkpoint.saved;
    }

    /** Saves the model after every epoch, so a crash loses at most the epoch in progress. */
    private final class EpochCheckpoint implements FitListener {
        private Manifest saved;

        @Override
        public void onEpochEnd(EpochRecord record, int epochs) {
            saved = save(record);
        }
    }

    private Manifest save(EpochRecord last) {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("trainLoss", last.trainLoss());
        if (last.trainAccuracy() != null) {
            figures.put("trainAccuracy", last.trainAccuracy());
        }
        if (last.testAccuracy() != null) {
            figures.put("testAccuracy", last.testAccuracy());
        }
        Manifest manifest = new Manifest(Manifest.FORMAT, plan.name, plan.description,
                plan.spec, null, null, last.epoch(), plan.settings, plan.options, plan.data,
                figures, history.records(), versions(), Instant.now().toString());
        try {
            return Checkpoints.save(model, plan.outputDir, manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the checkpoint in " + plan.outputDir, e);
        }
    }

    private static Map<String, String> versions() {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("djl", Engine.getDjlVersion());
        versions.put("pytorch", Engines.pytorch().getVersion());
        versions.put("java", System.getProperty("java.version"));
        return versions;
    }

    @Override
    public void close() {
        trainer.close();
        model.close();
    }

    /** What a run trains, on what, and where it writes. */
    public static final class Builder {
        private final String name;
        private final ModelSpec spec;
        private final Loss loss;
        private final TrainingSettings settings;
        private String description = "";
        private String title;
        private Evaluator accuracy;
        private DataProvenance data;
        private final Map<String, String> options = new LinkedHashMap<>();
        private Path outputDir;
        private int logEvery;
        private TrainingChart.Layout chartLayout = TrainingChart.Layout.SPLIT;

        private Builder(String name, ModelSpec spec, Loss loss, TrainingSettings settings) {
            this.name = name;
            this.spec = spec;
            this.loss = loss;
            this.settings = settings;
            this.title = name;
            this.outputDir = Path.of("models", name);
        }

        /** A sentence for the manifest, e.g. which tutorial this reproduces. */
        public Builder description(String value) {
            description = value;
            return this;
        }

        /** The chart's title. */
        public Builder title(String value) {
            title = value;
            return this;
        }

        /** Counts correct predictions; leave unset for regression. */
        public Builder accuracy(Evaluator value) {
            accuracy = value;
            return this;
        }

        public Builder data(DataProvenance value) {
            data = value;
            return this;
        }

        /** A driver-specific setting recorded in the manifest. */
        public Builder option(String key, Object value) {
            options.put(key, String.valueOf(value));
            return this;
        }

        public Builder outputDir(Path value) {
            outputDir = value;
            return this;
        }

        /** Log the batch loss every {@code steps} steps; 0 logs none. */
        public Builder logEvery(int steps) {
            logEvery = steps;
            return this;
        }

        public Builder chartLayout(TrainingChart.Layout value) {
            chartLayout = value;
            return this;
        }

        /** Builds the model and its trainer on {@code device}. */
        public TrainingJob build(Device device) {
            return new TrainingJob(this, device);
        }
    }
}
