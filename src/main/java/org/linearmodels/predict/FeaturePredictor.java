package org.linearmodels.predict;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import java.nio.file.Path;
import java.util.List;
import org.linearmodels.errors.BadInputException;
import org.linearmodels.model.Checkpoint;
import org.linearmodels.model.CheckpointFiles;
import org.linearmodels.model.Manifest;

/** A tabular model (T1, T2, T3) loaded from its checkpoint, answering rows of features. */
public final class FeaturePredictor implements AutoCloseable {

    private final Checkpoint checkpoint;

    private FeaturePredictor(Checkpoint checkpoint) {
        this.checkpoint = checkpoint;
    }

    /**
     * @param trainHint the command that trains the model, for the error when there is none
     */
    public static FeaturePredictor load(Path directory, String name, String trainHint,
            Device device) {
        return new FeaturePredictor(CheckpointFiles.load(directory, name, trainHint, device));
    }

    /** Answers for a model already in memory, e.g. right after training. */
    public static List<float[]> predict(Model model, Manifest manifest, List<float[]> rows) {
        long features = manifest.model().features();
        for (float[] row : rows) {
            if (row.length != features) {
                throw new BadInputException("the model takes " + features
                        + " numbers per example, got " + row.length + ".");
            }
        }
        try (Predictor<float[], float[]> predictor = model.newPredictor(
                new FeatureTranslator(manifest.model()))) {
            return predictor.batchPredict(rows);
        } catch (TranslateException e) {
            throw new IllegalStateException("prediction failed: " + e.getMessage(), e);
        }
    }

    public Manifest manifest() {
        return checkpoint.manifest();
    }

    /** The model's answer for each row: see {@link FeatureTranslator}. */
    public List<float[]> predict(List<float[]> rows) {
        return predict(checkpoint.model(), checkpoint.manifest(), rows);
    }

    @Override
    public void close() {
        checkpoint.close();
    }
}
