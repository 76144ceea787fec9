package org.linearmodels.train;

import ai.djl.engine.Engine;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linearmodels.engine.Engines;
import org.linearmodels.model.DataProvenance;
import org.linearmodels.model.EpochRecord;
import org.linearmodels.model.Manifest;
import org.linearmodels.model.ModelSpec;

/**
 * What a training run is and where it reports, whether DJL's Trainer runs it or a
 * from-scratch loop: the checkpoint's name and provenance, the output directory, and how the
 * {@link Monitor} logs and charts it.
 */
public final class RunPlan {

    public static final String CHART_FILE = "training.png";

    private final Builder b;

    private RunPlan(Builder builder) {
        this.b = builder;
    }

    public static Builder builder(String name, ModelSpec model, TrainingSettings settings) {
        return new Builder(name, model, settings);
    }

    public String name() {
        return b.name;
    }

    public ModelSpec model() {
        return b.model;
    }

    public TrainingSettings settings() {
        return b.settings;
    }

    public Path outputDir() {
        return b.outputDir;
    }

    public DataProvenance data() {
        return b.data;
    }

    int logEvery() {
        return b.logEvery;
    }

    int checkpointEvery() {
        return b.checkpointEvery;
    }

    boolean reseeds() {
        return b.reseed;
    }

    /** A monitor for a new run: progress and logs, the chart, the history. */
    public Monitor monitor() {
        return monitor(List.of());
    }

    /** A monitor for a run resumed after the epochs of {@code earlier}. */
    public Monitor monitor(List<EpochRecord> earlier) {
        return new Monitor(b.outputDir.resolve(CHART_FILE), b.title, b.chartLayout, b.logEvery,
                b.summaryEvery, b.logMemory, earlier);
    }

    /** Whether the run continues from the checkpoint in its output directory. */
    public boolean resumes() {
        return b.resume;
    }

    /**
     * The manifest of a checkpoint taken after the last of {@code history}'s epochs; the
     * parameter file and its checksum are filled in when it is saved.
     */
    public Manifest manifest(List<EpochRecord> history) {
        EpochRecord last = history.get(history.size() - 1);
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("trainLoss", last.trainLoss());
        if (last.trainAccuracy() != null) {
            figures.put("trainAccuracy", last.trainAccuracy());
        }
        if (last.testAccuracy() != null) {
            figures.put("testAccuracy", last.testAccuracy());
        }
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("djl", Engine.getDjlVersion());
        versions.put("pytorch", Engines.pytorch().getVersion());
        versions.put("java", System.getProperty("java.version"));
        return new Manifest(Manifest.FORMAT, b.name, b.description, b.model, null, null,
                last.epoch(), b.settings, Map.copyOf(b.options), b.data, figures,
                List.copyOf(history), versions, Instant.now().toString(), null);
    }

    /** Sets up a {@link RunPlan}. */
    public static final class Builder {
        private final String name;
        private final ModelSpec model;
        private final TrainingSettings settings;
        private final Map<String, String> options = new LinkedHashMap<>();
        private String description = "";
        private String title;
        private DataProvenance data;
        private Path outputDir;
        private int logEvery;
        private int summaryEvery = 1;
        private int checkpointEvery = 1;
        private TrainingChart.Layout chartLayout = TrainingChart.Layout.SPLIT;
        private boolean reseed = true;
        private boolean resume;
        private boolean logMemory;

        private Builder(String name, ModelSpec model, TrainingSettings settings) {
            this.name = name;
            this.model = model;
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

        /**
         * Log the batch loss every {@code steps} steps, beside a progress bar; 0 (the default)
         * for neither.
         */
        public Builder logEvery(int steps) {
            logEvery = steps;
            return this;
        }

        /** Log a summary line every {@code epochs} epochs (default 1); 0 logs none. */
        public Builder summaryEvery(int epochs) {
            summaryEvery = epochs;
            return this;
        }

        /**
         * Checkpoint every {@code epochs} epochs (default 1), and after the last; 0 for no
         * checkpoint at all.
         */
        public Builder checkpointEvery(int epochs) {
            checkpointEvery = epochs;
            return this;
        }

        /** How {@value RunPlan#CHART_FILE} lays out the curves; null draws none. */
        public Builder chartLayout(TrainingChart.Layout value) {
            chartLayout = value;
            return this;
        }

        /**
         * Whether the run seeds the engine with the settings' seed (the default), or continues
         * the random stream of what ran before it in the process, as T3's notebook draws its
         * three models' weights one after the other from one seed.
         */
        public Builder reseed(boolean value) {
            reseed = value;
            return this;
        }

        /** Continue from the checkpoint in the output directory (see {@link TrainingJob}). */
        public Builder resume(boolean value) {
            resume = value;
            return this;
        }

        /** Log resident memory and heap after every epoch. */
        public Builder logMemory(boolean value) {
            logMemory = value;
            return this;
        }

        public RunPlan build() {
            return new RunPlan(this);
        }
    }
}
