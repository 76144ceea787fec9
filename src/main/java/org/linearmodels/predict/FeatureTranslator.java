package org.linearmodels.predict;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import org.linearmodels.model.ModelSpec;

/**
 * DJL translator for the tabular models: a row of raw feature values in, the model's answer
 * out. Features are divided by the spec's input scale (as in training), and the output goes
 * through the spec's head: the value itself, sigmoid (P(class 1)), or softmax.
 */
public final class FeatureTranslator implements Translator<float[], float[]> {

    private final ModelSpec spec;

    public FeatureTranslator(ModelSpec spec) {
        this.spec = spec;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, float[] features) {
        if (features.length != spec.features()) {
            throw new IllegalArgumentException("the model takes " + spec.features()
                    + " numbers per example, got " + features.length);
        }
        float[] scaled = features.clone();
        for (int i = 0; i < spec.inputScale().size(); i++) {
            scaled[i] /= spec.inputScale().get(i);
        }
        return new NDList(ctx.getNDManager().create(scaled));
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList list) {
        NDArray output = list.singletonOrThrow();
        return switch (spec.head()) {
            case IDENTITY -> output.toFloatArray();
            case SIGMOID -> Activation.sigmoid(output).toFloatArray();
            case SOFTMAX -> output.softmax(0).toFloatArray();
        };
    }

    @Override
    public Batchifier getBatchifier() {
        return Batchifier.STACK;
    }
}
