package org.linearmodels.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Scalars for arithmetic that autograd records. DJL's PyTorch engine makes the scalar of
 * {@code x.mul(2f)} or {@code x.maximum(-100f)} over a Java direct buffer that it lets go as soon
 * as the op returns, while the recorded graph keeps the scalar for the backward pass: after a
 * garbage collection in between, the gradient reads freed memory (T2's losses differed from run
 * to run: 2 of 6 runs under {@code -Xmx48m}, 1 of 8 with the defaults). A scalar that libtorch
 * allocates itself lives as long as the graph holds it. Inside a {@code GradientCollector},
 * write {@code x.mul(Scalars.like(x, 2f))}, never {@code x.mul(2f)}.
 */
public final class Scalars {

    private Scalars() {}

    /** {@code value} as a 0-dimensional array of {@code array}'s type, device and manager. */
    public static NDArray like(NDArray array, float value) {
        return array.getManager().full(new Shape(), value, array.getDataType());
    }
}
