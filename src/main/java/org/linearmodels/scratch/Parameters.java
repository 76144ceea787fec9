package org.linearmodels.scratch;

import ai.djl.ndarray.NDArray;

/** What the tutorials do to their hand-made parameters between steps. */
public final class Parameters {

    private Parameters() {}

    /** {@code w.grad.zero_()}: gradients accumulate across backward calls until cleared. */
    public static void zeroGradient(NDArray parameter) {
        NDArray gradient = parameter.getGradient();
        gradient.subi(gradient);
    }

    /** {@code w -= lr * w.grad / batchSize}, then zero the gradient. */
    public static void sgdStep(NDArray parameter, float learningRate, int batchSize) {
        NDArray gradient = parameter.getGradient();
        parameter.subi(gradient.mul(learningRate / batchSize));
        zeroGradient(parameter);
    }
}
