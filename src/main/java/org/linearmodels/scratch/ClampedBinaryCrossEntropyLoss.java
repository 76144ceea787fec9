package org.linearmodels.scratch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.loss.Loss;

/**
 * T3's hand-written loss as a DJL {@link Loss}, so DJL's Trainer can train with it beside the
 * fused {@code SigmoidBinaryCrossEntropyLoss}: the model outputs logits, this applies sigmoid
 * and then {@link Losses#clampedBinaryCrossEntropy}. Two operations where the fused loss has
 * one numerically stable expression.
 */
public final class ClampedBinaryCrossEntropyLoss extends Loss {

    public ClampedBinaryCrossEntropyLoss() {
        super("ClampedBinaryCrossEntropy");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logits = predictions.singletonOrThrow();
        NDArray y = labels.singletonOrThrow().reshape(logits.getShape());
        return Losses.clampedBinaryCrossEntropy(Activation.sigmoid(logits), y);
    }
}
