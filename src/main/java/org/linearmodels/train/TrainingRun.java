package org.linearmodels.train;

import ai.djl.engine.Engine;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linearmodels.data.DataProvenance;
import org.linearmodels.engine.PyTorch;
import org.linearmodels.model.EpochRecord;
import org.linearmodels.model.Manifest;
import org.linearmodels.model.ModelSpec;
import org.linearmodels.model.TrainingSettings;

/**
 * What a run's checkpoint says of itself beside its parameters: the model's shape and head, the
 * settings, the data and its checksums, the driver's options, and the software versions. DJL's
 * {@code .params} file holds the parameters alone; this provenance is the project's, written
 * into the manifest.
 */
public final class TrainingRun {

    private final String name;
    private final ModelSpec model;
    private final TrainingSettings settings;
    private final Map<String, String> options = new LinkedHashMap<>();
    private String description = "";
    private DataProvenance data;

    public TrainingRun(String name, ModelSpec model, TrainingSettings settings) {
        this.name = name;
        this.model = model;
        this.settings = settings;
    }

    public String name() {
        return name;
    }

    public ModelSpec model() {
        return model;
    }

    public TrainingSettings settings() {
        return settings;
    }

    public DataProvenance data() {
        return data;
    }

    /** A sentence for the manifest, e.g. which tutorial this reproduces. */
    public TrainingRun description(String value) {
        description = value;
        return this;
    }

    public TrainingRun data(DataProvenance value) {
        data = value;
        return this;
    }

    /** A driver-specific setting recorded in the manifest. */
    public TrainingRun option(String key, Object value) {
        options.put(key, String.valueOf(value));
        return this;
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
        versions.put("pytorch", PyTorch.engine().getVersion());
        versions.put("java", System.getProperty("java.version"));
        return new Manifest(Manifest.FORMAT, name, description, model, null, null,
                last.epoch(), settings, Map.copyOf(options), data, figures,
                List.copyOf(history), versions, Instant.now().toString(), null);
    }
}
