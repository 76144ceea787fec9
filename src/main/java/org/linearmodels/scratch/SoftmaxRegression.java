package org.linearmodels.scratch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.Map;
import org.linearmodels.engine.Engines;
import org.linearmodels.errors.Causes;
import org.linearmodels.errors.CorruptDataException;

/**
 * Softmax regression from scratch, as d2l's chapter 3 (T5) writes it: a weight matrix W of
 * (inputs, classes) drawn from N(0, 0.01), a bias b of zeros, {@code net(X) = softmax(X·W + b)}
 * with the hand-written {@link Softmax}, the hand-written {@link Losses#crossEntropy}, an
 * {@link Accumulator} per epoch, and any {@link Updater}.
 */
public final class SoftmaxRegression implements AutoCloseable {

    private final NDManager manager;
    private final NDArray weight;
    private final NDArray bias;

    /**
     * @param weight W, (inputs, classes)
     * @param bias b, (classes)
     */
    public SoftmaxRegression(NDArray weight, NDArray bias) {
        manager = weight.getManager().newSubManager();
        this.weight = weight;
        this.bias = bias;
        weight.attach(manager);
        bias.attach(manager);
        weight.setRequiresGradient(true);
        bias.setRequiresGradient(true);
    }

    /** The hand-written SGD of the tutorial on W and b. */
    public Updater handSgd(float learningRate) {
        return Updater.handSgd(learningRate, weight, bias);
    }

    /** One of DJL's optimisers on W and b. */
    public Updater djlUpdater(Optimizer optimizer) {
        return Updater.djl(optimizer, Map.of("W", weight, "b", bias));
    }

    /** Class probabilities for a batch of images: softmax(X·W + b), X flattened per row. */
    public NDArray net(NDArray x) {
        return Softmax.softmax(x.reshape(-1, weight.getShape().get(0)).matMul(weight).add(bias));
    }

    /** How many rows of {@code yHat} put their largest probability on the true class. */
    public static float correct(NDArray yHat, NDArray y) {
        return yHat.argMax(1).toType(DataType.INT64, false)
                .eq(y.toType(DataType.INT64, false)).sum().toType(DataType.FLOAT32, false)
                .getFloat();
    }

    /**
     * d2l's {@code train_epoch_ch3}: returns the average loss and the accuracy over the epoch,
     * kept in an {@link Accumulator} of (loss sum, correct, examples).
     */
    public double[] trainEpoch(Dataset data, Updater updater) {
        Accumulator metric = new Accumulator(3);
        for (Batch batch : batches(data)) {
            try (batch; NDManager scope = manager.newSubManager()) {
                NDArray x = batch.getData().singletonOrThrow();
                NDArray y = batch.getLabels().singletonOrThrow();
                scope.tempAttachAll(x, y, weight, bias);
                NDArray yHat;
                NDArray losses;
                try (GradientCollector collector = Engines.pytorch().newGradientCollector()) {
                    yHat = net(x);
                    losses = Losses.crossEntropy(yHat, y);
                    collector.backward(updater.reduce(losses));
                }
                updater.step(batch.getSize());
                metric.add(losses.sum().getFloat(), correct(yHat, y), batch.getSize());
            }
        }
        return new double[] {metric.get(0) / metric.get(2), metric.get(1) / metric.get(2)};
    }

    /** d2l's {@code evaluate_accuracy}: the fraction of {@code data} classified correctly. */
    public double evaluateAccuracy(Dataset data) {
        Accumulator metric = new Accumulator(2);
        for (Batch batch : batches(data)) {
            try (batch; NDManager scope = manager.newSubManager()) {
                NDArray x = batch.getData().singletonOrThrow();
                NDArray y = batch.getLabels().singletonOrThrow();
                scope.tempAttachAll(x, y, weight, bias);
                metric.add(correct(net(x), y), batch.getSize());
            }
        }
        return metric.get(0) / metric.get(1);
    }

    /** The parameters as a Linear layer holds them: weight (classes, inputs), bias (classes). */
    public NDList linearParameters() {
        return new NDList(weight.transpose(), bias);
    }

    private Iterable<Batch> batches(Dataset data) {
        try {
            return data.getData(manager);
        } catch (IOException | TranslateException e) {
            throw new CorruptDataException("cannot read the data set: "
                    + Causes.of(e) + ".", e);
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
