package org.linearmodels.scratch;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How T5's training epoch updates its parameters: either a hand-written minibatch SGD, or one
 * of DJL's optimisers (d2l's {@code train_epoch_ch3} accepts both). Each decides how the batch's
 * per-example losses are reduced before {@code backward}.
 */
public interface Updater {

    /** The scalar to differentiate, from one loss per example. */
    NDArray reduce(NDArray losses);

    /** Updates every parameter from its gradient and clears the gradient. */
    void step(int batchSize);

    /** d2l's {@code sgd}: the loss is summed, so each gradient is divided by the batch size. */
    static Updater handSgd(float learningRate, NDArray... parameters) {
        return new Updater() {
            @Override
            public NDArray reduce(NDArray losses) {
                return losses.sum();
            }

            @Override
            public void step(int batchSize) {
                for (NDArray parameter : parameters) {
                    Parameters.sgdStep(parameter, learningRate, batchSize);
                }
            }
        };
    }

    /** A DJL optimiser on named parameters; the loss is averaged, as PyTorch's would be. */
    static Updater djl(Optimizer optimizer, Map<String, NDArray> parameters) {
        Map<String, NDArray> named = new LinkedHashMap<>(parameters);
        return new Updater() {
            @Override
            public NDArray reduce(NDArray losses) {
                return losses.mean();
            }

            @Override
            public void step(int batchSize) {
                named.forEach((name, parameter) -> {
                    optimizer.update(name, parameter, parameter.getGradient());
                    Parameters.zeroGradient(parameter);
                });
            }
        };
    }
}
