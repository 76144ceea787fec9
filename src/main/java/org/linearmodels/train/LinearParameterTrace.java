package org.linearmodels.train;

import ai.djl.Model;
import ai.djl.nn.Parameter;
import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListenerAdapter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.linearmodels.model.EpochRecord;
import org.linearmodels.plot.Figure;
import org.linearmodels.plot.Panel;
import org.linearmodels.plot.Series;

/**
 * Records the weights and bias of a model's Linear layer at the end of every epoch, as T1 plots
 * them and T3 draws its decision line from them.
 */
public final class LinearParameterTrace extends TrainingListenerAdapter {

    private final List<float[]> weights = new ArrayList<>();
    private final List<Float> biases = new ArrayList<>();

    @Override
    public void onEpoch(Trainer trainer) {
        weights.add(currentWeights(trainer.getModel()));
        biases.add(currentBias(trainer.getModel()));
    }

    /**
     * Loss, the first weight and the bias against epoch, one above the other, as a PNG: the
     * picture of a one-feature model's training.
     */
    public void saveCurves(List<EpochRecord> history, String lossLabel, Path file) {
        double[] epochs = history.stream().mapToDouble(EpochRecord::epoch).toArray();
        double[] loss = history.stream().mapToDouble(EpochRecord::trainLoss).toArray();
        double[] weight = weights.stream().mapToDouble(w -> w[0]).toArray();
        double[] bias = biases.stream().mapToDouble(b -> b).toArray();
        Figure.save(List.of(
                new Panel("Loss curve", "epoch", lossLabel,
                        List.of(Series.line("loss", epochs, loss))),
                new Panel("Weight curve", "epoch", "weight w",
                        List.of(Series.line("weight", epochs, weight))),
                new Panel("Bias curve", "epoch", "bias b",
                        List.of(Series.line("bias", epochs, bias)))), 1, file);
    }

    /** The Linear layer's weights now, flattened. */
    public static float[] currentWeights(Model model) {
        return parameter(model, Parameter.Type.WEIGHT).getArray().toFloatArray();
    }

    /** The bias of a one-unit Linear layer now. */
    public static float currentBias(Model model) {
        return parameter(model, Parameter.Type.BIAS).getArray().toFloatArray()[0];
    }

    private static Parameter parameter(Model model, Parameter.Type type) {
        return model.getBlock().getParameters().values().stream()
                .filter(p -> p.getType() == type).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + type + " parameter"));
    }
}
