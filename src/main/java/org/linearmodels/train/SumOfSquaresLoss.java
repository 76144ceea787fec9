package org.linearmodels.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.L2Loss;

/**
 * T1's loss, PyTorch's {@code MSELoss(reduction='sum')}: the sum of squared errors over the
 * batch. DJL's {@link L2Loss} computes weight·mean((ŷ − y)²) with weight ½ by default; with
 * weight 1 it is the mean, and the mean times the batch size is the sum, for a batch of any size.
 */
public final class SumOfSquaresLoss extends L2Loss {

    public SumOfSquaresLoss() {
        super("SumOfSquares", 1f);
    }

    @Override
    public NDArray evaluate(NDList label, NDList prediction) {
        long batchSize = prediction.singletonOrThrow().getShape().get(0);
        return super.evaluate(label, prediction).mul(batchSize);
    }
}
