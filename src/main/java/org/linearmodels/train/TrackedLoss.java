package org.linearmodels.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;

/**
 * A loss that keeps the value it computed last, so that {@link History} and {@link StepLog} read
 * a training batch's loss instead of computing it again: DJL's {@code EasyTrain} evaluates the
 * loss but hands listeners only the labels and predictions, and a second softmax cross-entropy
 * is four more native calls in a step of about twenty.
 */
public final class TrackedLoss extends Loss {

    private final Loss loss;
    private NDArray last;

    public TrackedLoss(Loss loss) {
        super(loss.getName());
        this.loss = loss;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        last = loss.evaluate(labels, predictions);
        return last;
    }

    /**
     * The loss of the training batch a listener hears about: the value the trainer's loss kept,
     * when it is a {@link TrackedLoss}, else computed from the batch's predictions.
     */
    static NDArray ofBatch(Trainer trainer, NDList labels, NDList predictions) {
        if (trainer.getLoss() instanceof TrackedLoss tracked && tracked.last != null) {
            return tracked.last;
        }
        return trainer.getLoss().evaluate(labels, predictions);
    }
}
