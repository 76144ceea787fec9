package org.linearmodels.scratch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import org.linearmodels.engine.Scalars;

/** The losses the tutorials write by hand, on probabilities, as NDArray expressions. */
public final class Losses {

    /** PyTorch's {@code binary_cross_entropy} clamps each log at -100: log(0) stays finite. */
    private static final float LOG_FLOOR = -100f;
    /** T3's clamp: probabilities are kept at or above 1e-12 before the log. */
    private static final float PROBABILITY_FLOOR = 1e-12f;

    private Losses() {}

    /**
     * Mean binary cross-entropy of probabilities {@code p} against labels {@code y} (same
     * shape), as T2's {@code F.binary_cross_entropy} computes it.
     */
    public static NDArray binaryCrossEntropy(NDArray p, NDArray y) {
        NDArray floor = Scalars.like(p, LOG_FLOOR);  // not maximum(-100f): see Scalars
        NDArray one = Scalars.like(p, 1f);
        NDArray logP = p.log().maximum(floor);
        NDArray logNotP = p.neg().add(one).log().maximum(floor);
        return y.mul(logP).add(y.neg().add(one).mul(logNotP)).mean().neg();
    }

    /**
     * T3's hand-written loss: -mean(y·log(clamp(p, 1e-12)) + (1-y)·log(clamp(1-p, 1e-12))).
     * Without the clamp a probability that rounds to exactly 0 or 1 gives log(0) = -inf, and
     * the loss and its gradient become inf and NaN.
     */
    public static NDArray clampedBinaryCrossEntropy(NDArray p, NDArray y) {
        NDArray floor = Scalars.like(p, PROBABILITY_FLOOR);  // not maximum(1e-12f): see Scalars
        NDArray one = Scalars.like(p, 1f);
        NDArray logP = p.maximum(floor).log();
        NDArray logNotP = p.neg().add(one).maximum(floor).log();
        return y.mul(logP).add(y.neg().add(one).mul(logNotP)).mean().neg();
    }

    /**
     * T5's cross-entropy: -log ŷ[i, y_i] for each row i, picking each row's probability of its
     * true class; one loss per example, not reduced.
     *
     * @param yHat (n, classes) probabilities
     * @param y (n) class indices
     */
    public static NDArray crossEntropy(NDArray yHat, NDArray y) {
        return yHat.gather(y.toType(DataType.INT64, false)
                .reshape(-1, 1), 1).reshape(-1).log().neg();
    }
}
