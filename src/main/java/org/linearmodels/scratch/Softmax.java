package org.linearmodels.scratch;

import ai.djl.ndarray.NDArray;

/** T5's softmax, written out: exponentiate, sum each row, divide each row by its sum. */
public final class Softmax {

    private Softmax() {}

    /**
     * softmax(X)ᵢⱼ = exp(Xᵢⱼ) / Σₖ exp(Xᵢₖ) for an (n, classes) array. Kept naive as the tutorial
     * writes it: a large logit overflows exp, which DJL's fused softmax avoids by subtracting
     * each row's maximum first.
     */
    public static NDArray softmax(NDArray x) {
        NDArray exp = x.exp();
        return exp.div(exp.sum(new int[] {1}, true));
    }
}
