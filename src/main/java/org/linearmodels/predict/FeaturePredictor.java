package org.linearmodels.predict;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import java.nio.file.Path;
import java.util.ArrayList;
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
        List<float[]> answers;
        try (Predictor<float[], float[]> predictor = model.newPredictor(
                new FeatureTranslator(manifest.model()))) {
            answers = predictor.batchPredict(rows);
        } catch (TranslateException e) {
            throw new IllegalStateException("prediction failed: " + e.getMessage(), e);
        }
        for (int i = 0; i < rows.size(); i++) {
            requireFinite(rows.get(i), answers.get(i));
        }
        return answers;
    }

    /**
     * Refuses an answer float32 cannot hold: numbers far beyond the training data's overflow
     * inside the model, and the Infinity or NaN they give is no answer.
     */
    private static void requireFinite(float[] row, float[] answer) {
        for (float value : answer) {
            if (!Float.isFinite(value)) {
                throw new BadInputException("the model's answer for "
                        + numbers(row) + " is " + value + ", beyond float32 (±3.4e38); give"
                        + " numbers of the size it was trained on.");
            }
        }
    }

    /** e.g. "3.0E38" or "(4.0, 3.0E38)": Java's shortest form of each float. */
    private static String numbers(float[] row) {
        List<String> each = new ArrayList<>();
        for (float value : row) {
            each.add(Float.toString(value));
        }
        return row.length == 1 ? each.get(0) : "(" + String.join(", ", each) + ")";
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
