package org.linearmodels;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Path;
import org.linearmodels.cli.Cli;
import org.linearmodels.data.DatasetCache;
import org.linearmodels.data.ImageDataset;
import org.linearmodels.data.ImageSplits;
import org.linearmodels.engine.PyTorch;

/**
 * Tutorial T5, softmax regression from scratch on Fashion-MNIST, as d2l's chapter 3 writes it:
 * W and b by hand, the softmax, the network, the cross-entropy, the accuracy, the training epoch
 * and minibatch SGD (lr 0.1, batch 256, 10 epochs). {@link #tutorial} runs it all.
 * {@code ./run FashionMnistSoftmax} runs it through {@link FashionMnistSoftmaxCommand}, which adds
 * flags, the chart, the six predictions, the checkpoint and the concise version on DJL's Trainer.
 */
public final class FashionMnistSoftmax implements AutoCloseable {

    public static final String NAME = "fashion-mnist-softmax";

    public static final int BATCH_SIZE = 256;
    public static final int NUM_INPUTS = 784;
    public static final int NUM_OUTPUTS = 10;
    public static final float LR = 0.1f;
    public static final int NUM_EPOCHS = 10;

    private final NDManager manager;
    private final NDArray w;
    private final NDArray b;

    /**
     * {@code W = torch.normal(0, 0.01, size=(num_inputs, num_outputs), requires_grad=True)},
     * {@code b = torch.zeros(num_outputs, requires_grad=True)}, in memory of their own.
     */
    public FashionMnistSoftmax(NDManager parent) {
        manager = parent.newSubManager();
        w = manager.randomNormal(0f, 0.01f, new Shape(NUM_INPUTS, NUM_OUTPUTS), DataType.FLOAT32);
        b = manager.zeros(new Shape(NUM_OUTPUTS));
        w.setRequiresGradient(true);
        b.setRequiresGradient(true);
    }

    public static void main(String[] args) {
        Cli.run(new FashionMnistSoftmaxCommand(), args);
    }

    /** The whole tutorial with its own settings; returns the last epoch's three figures. */
    public static double[] tutorial(Path dataDir) throws IOException, TranslateException {
        try (NDManager manager = NDManager.newBaseManager()) {
            // train_iter, test_iter = d2l.load_data_fashion_mnist(batch_size)
            DatasetCache cache = new DatasetCache(dataDir);
            Dataset trainIter = ImageSplits.training(cache, ImageDataset.FASHION_MNIST,
                    BATCH_SIZE, Long.MAX_VALUE, Device.cpu(), manager);
            Dataset testIter = ImageSplits.testInBatches(cache, ImageDataset.FASHION_MNIST,
                    BATCH_SIZE, Device.cpu(), manager);
            try (FashionMnistSoftmax net = new FashionMnistSoftmax(manager)) {
                return net.trainCh3(trainIter, testIter, NUM_EPOCHS, LR);
            }
        }
    }

    /** softmax(X)ᵢⱼ = exp(Xᵢⱼ) / Σₖ exp(Xᵢₖ), naive as the tutorial: a large logit overflows. */
    public static NDArray softmax(NDArray x) {
        NDArray xExp = x.exp();
        NDArray partition = xExp.sum(new int[] {1}, true);
        return xExp.div(partition);
    }

    /** {@code softmax(torch.matmul(X.reshape((-1, W.shape[0])), W) + b)}. */
    public NDArray net(NDArray x) {
        return softmax(x.reshape(-1, w.getShape().get(0)).matMul(w).add(b));
    }

    /** {@code -torch.log(y_hat[range(len(y_hat)), y])}: one loss per example. */
    public static NDArray crossEntropy(NDArray yHat, NDArray y) {
        return yHat.gather(y.toType(DataType.INT64, false).reshape(-1, 1), 1).reshape(-1).log()
                .neg();
    }

    /** How many rows put their largest probability on their true class. */
    public static float accuracy(NDArray yHat, NDArray y) {
        NDArray cmp = yHat.argMax(1).toType(DataType.INT64, false)
                .eq(y.toType(DataType.INT64, false));
        return cmp.sum().toType(DataType.FLOAT32, false).getFloat();
    }

    /** d2l's Accumulator: running sums of n quantities. */
    public static final class Accumulator {
        private final double[] data;

        public Accumulator(int n) {
            data = new double[n];
        }

        public void add(double... args) {
            for (int i = 0; i < data.length; i++) {
                data[i] += args[i];
            }
        }

        public double get(int i) {
            return data[i];
        }
    }

    /** The fraction of {@code dataIter} classified correctly. */
    public double evaluateAccuracy(Dataset dataIter) throws IOException, TranslateException {
        Accumulator metric = new Accumulator(2);  // correct predictions, predictions
        for (Batch batch : dataIter.getData(manager)) {
            try (batch; NDManager scope = manager.newSubManager()) {
                NDArray x = batch.getData().singletonOrThrow();
                NDArray y = batch.getLabels().singletonOrThrow();
                scope.tempAttachAll(x, y, w, b);
                metric.add(accuracy(net(x), y), y.size());
            }
        }
        return metric.get(0) / metric.get(1);
    }

    /**
     * One epoch; returns the training loss and accuracy. With no {@code optimizer}, d2l's
     * {@code sgd} at {@code lr}; with one, {@code torch.optim}'s way: the loss averaged, the
     * optimiser's update.
     */
    public double[] trainEpochCh3(Dataset trainIter, float lr, Optimizer optimizer)
            throws IOException, TranslateException {
        Accumulator metric = new Accumulator(3);  // loss sum, correct predictions, examples
        for (Batch batch : trainIter.getData(manager)) {
            try (batch; NDManager scope = manager.newSubManager()) {
                NDArray x = batch.getData().singletonOrThrow();
                NDArray y = batch.getLabels().singletonOrThrow();
                scope.tempAttachAll(x, y, w, b);
                NDArray yHat;
                NDArray l;
                try (GradientCollector tape = PyTorch.engine().newGradientCollector()) {
                    yHat = net(x);
                    l = crossEntropy(yHat, y);
                    tape.backward(optimizer == null ? l.sum() : l.mean());
                }
                if (optimizer == null) {
                    sgd(lr, batch.getSize());
                } else {
                    optimizer.update("W", w, w.getGradient());
                    optimizer.update("b", b, b.getGradient());
                    zeroGrad();
                }
                metric.add(l.sum().getFloat(), accuracy(yHat, y), y.size());
            }
        }
        return new double[] {metric.get(0) / metric.get(2), metric.get(1) / metric.get(2)};
    }

    /**
     * {@code with torch.no_grad(): param -= lr * param.grad / batch_size}, through a detached
     * view of the same storage (libtorch refuses an in-place change to a parameter while grad
     * mode is on, which DJL turns off only on the thread that started the engine); then
     * {@code param.grad.zero_()}.
     */
    public void sgd(float lr, int batchSize) {
        for (NDArray param : new NDArray[] {w, b}) {
            try (NDArray values = param.stopGradient();
                    NDArray step = param.getGradient().mul(lr / batchSize)) {
                values.subi(step);
            }
        }
        zeroGrad();
    }

    private void zeroGrad() {
        for (NDArray param : new NDArray[] {w, b}) {
            NDArray grad = param.getGradient();
            grad.subi(grad);
        }
    }

    /** d2l's {@code train_ch3} without its Animator; returns the last epoch's three figures. */
    public double[] trainCh3(Dataset trainIter, Dataset testIter, int numEpochs, float lr)
            throws IOException, TranslateException {
        double[] trainMetrics = null;
        double testAcc = 0;
        for (int epoch = 0; epoch < numEpochs; epoch++) {
            trainMetrics = trainEpochCh3(trainIter, lr, null);
            testAcc = evaluateAccuracy(testIter);
        }
        return new double[] {trainMetrics[0], trainMetrics[1], testAcc};
    }

    /** W and b as a Linear layer holds them: weight (outputs, inputs), bias (outputs). */
    public NDList linearParameters() {
        return new NDList(w.transpose(), b);
    }

    @Override
    public void close() {
        manager.close();
    }
}
