package org.linearmodels.scratch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import java.util.function.BinaryOperator;
import org.linearmodels.engine.Engines;

/**
 * Binary logistic regression from scratch, as T2 and T3 write it: a weight column {@code w}
 * and a bias {@code b} with gradients attached, p = sigmoid(x·w + b), a loss on p, and the
 * update {@code w -= lr·∂loss/∂w} done by hand, gradients cleared after.
 */
public final class LogisticRegression implements AutoCloseable {

    private final NDManager manager;
    private final NDArray weight;
    private final NDArray bias;

    /**
     * @param weight (features, 1), copied into this model's own memory
     * @param bias (1)
     */
    public LogisticRegression(NDArray weight, NDArray bias) {
        manager = weight.getManager().newSubManager();
        this.weight = weight.duplicate();
        this.bias = bias.duplicate();
        this.weight.attach(manager);
        this.bias.attach(manager);
        this.weight.setRequiresGradient(true);
        this.bias.setRequiresGradient(true);
    }

    /**
     * P(class 1) for each row of {@code x}. The (n, 1) column is flattened to (n): T2's pitfall,
     * since a loss of (n, 1) against (n) labels would broadcast to an (n, n) matrix.
     */
    public NDArray probabilities(NDArray x) {
        return Activation.sigmoid(x.matMul(weight).add(bias)).reshape(-1);
    }

    /** The loss and accuracy of the forward pass a step was taken from. */
    public record Step(float loss, float accuracy) {}

    /**
     * One full-batch gradient step on {@code loss(p, y)} with learning rate {@code lr}.
     *
     * @return the loss and accuracy before the step, as the tutorials print them
     */
    public Step step(NDArray x, NDArray y, BinaryOperator<NDArray> loss, float lr) {
        try (NDManager scope = manager.newSubManager()) {
            scope.tempAttachAll(x, y, weight, bias);
            NDArray p;
            NDArray l;
            try (GradientCollector collector = Engines.pytorch().newGradientCollector()) {
                p = probabilities(x);
                l = loss.apply(p, y);
                collector.backward(l);
            }
            Parameters.sgdStep(weight, lr, 1);
            Parameters.sgdStep(bias, lr, 1);
            return new Step(l.getFloat(), fractionCorrect(p, y));
        }
    }

    /** The loss of the current parameters, without a step. */
    public float loss(NDArray x, NDArray y, BinaryOperator<NDArray> loss) {
        try (NDManager scope = manager.newSubManager()) {
            scope.tempAttachAll(x, y, weight, bias);
            return loss.apply(probabilities(x), y).getFloat();
        }
    }

    /** The fraction of rows where p ≥ 0.5 agrees with the label. */
    public float accuracy(NDArray x, NDArray y) {
        try (NDManager scope = manager.newSubManager()) {
            scope.tempAttachAll(x, y, weight, bias);
            return fractionCorrect(probabilities(x), y);
        }
    }

    private static float fractionCorrect(NDArray p, NDArray y) {
        return p.gte(0.5f).eq(y.gte(0.5f)).toType(DataType.FLOAT32, false).mean().getFloat();
    }

    /** The current weights, one per feature. */
    public float[] weights() {
        return weight.toFloatArray();
    }

    public float bias() {
        return bias.getFloat();
    }

    @Override
    public void close() {
        manager.close();
    }
}
