package org.linearmodels.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.L2Loss;
import org.linearmodels.engine.Scalars;

/**
 * T1's loss, PyTorch's {@code MSELoss(reduction='sum')}: the sum of squared errors over the
 * batch. DJL's {@link L2Loss} computes weight·mean((ŷ − y)²) with weight ½ by default; with
 * weight 1 it is the mean, and the mean times the batch size is the sum, for a batch of any size.
 */
public final class SumOfSquaresLoss extends L2Loss {

    public SumOfSquaresLoss() {
        super("SumOfSquares", 1f);
    }

    /**
     * L2Loss's mean((y − ŷ)²) times the batch size, written out: L2Loss's own {@code mul(weight)}
     * and a {@code mul(batchSize)} would hand autograd scalars in memory it frees (see
     * {@link Scalars}). Its weight here is 1, and x·1 = x exactly, so the values are L2Loss's.
     */
    @Override
    public NDArray evaluate(NDList label, NDList prediction) {
        NDArray pred = prediction.singletonOrThrow();
        NDArray squares = label.singletonOrThrow().reshape(pred.getShape()).sub(pred).square();
        return squares.mean().mul(Scalars.like(pred, pred.getShape().get(0)));
    }
}
