package org.linearmodels.train;

import ai.djl.Model;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.linearmodels.model.EpochRecord;

/**
 * Records the weights and bias of a model's Linear layer at the end of every epoch, as T1 plots
 * them and T3 draws its decision line from them.
 */
public final class LinearParameterTrace implements FitListener {

    private final Model model;
    private final List<float[]> weights = new ArrayList<>();
    private final List<Float> biases = new ArrayList<>();

    public LinearParameterTrace(Model model) {
        this.model = model;
    }

    @Override
    public void onEpochEnd(EpochRecord record, int epochs) {
        weights.add(currentWeights(model));
        biases.add(currentBias(model));
    }

    /** The weights after each epoch; for one output unit, one value per feature. */
    public List<float[]> weights() {
        return List.copyOf(weights);
    }

    public List<Float> biases() {
        return List.copyOf(biases);
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
