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

    /**
     * {@code with torch.no_grad(): w -= lr * w.grad / batchSize}, then zero the gradient. The
     * update goes through a detached view of {@code w}, the same storage: libtorch refuses an
     * in-place change to a parameter on a thread whose grad mode is on, and DJL turns that mode
     * off only on the thread that started the engine.
     */
    public static void sgdStep(NDArray parameter, float learningRate, int batchSize) {
        NDArray gradient = parameter.getGradient();
        try (NDArray values = parameter.stopGradient();
                NDArray step = gradient.mul(learningRate / batchSize)) {
            values.subi(step);
        }
        zeroGradient(parameter);
    }
}
