package org.linearmodels;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import java.nio.file.Path;
import org.linearmodels.cli.Cli;
import org.linearmodels.data.TabularData;
import org.linearmodels.data.TutorialTables;
import org.linearmodels.engine.PyTorch;
import org.linearmodels.engine.Scalars;

/**
 * Tutorial T2, binary logistic regression on the first 100 Iris rows (setosa against
 * versicolor) from their four measurements, written by hand as the tutorial does: {@code w} and
 * {@code b} with gradients, the forward pass, the loss, {@code backward}, and the update at lr
 * 0.001 for 500 epochs. {@link #tutorial} runs it. {@code ./run IrisLogistic} runs it through
 * {@link IrisLogisticCommand}, which adds flags, the log, the chart, the checkpoint and a version
 * on DJL's Trainer.
 */
public final class IrisLogistic implements AutoCloseable {

    public static final String NAME = "iris-logistic";
    public static final float LEARNING_RATE = 0.001f;
    public static final int EPOCHS = 500;

    private final NDManager manager;
    private final NDArray w;
    private final NDArray b;

    /** {@code w = torch.randn(1, 4, requires_grad=True)}, {@code b = torch.randn(1, ...)}. */
    public IrisLogistic(NDManager parent, int features) {
        manager = parent.newSubManager();
        w = manager.randomNormal(new Shape(1, features));
        b = manager.randomNormal(new Shape(1));
        w.setRequiresGradient(true);
        b.setRequiresGradient(true);
    }

    public static void main(String[] args) {
        Cli.run(new IrisLogisticCommand(), args);
    }

    /** The whole tutorial, printing the loss every epoch as it does; returns the last epoch. */
    public static Epoch tutorial() {
        try (NDManager manager = NDManager.newBaseManager();
                IrisLogistic model = new IrisLogistic(manager, 4)) {
            NDArray[] xy = data(manager, null);
            Epoch epoch = null;
            for (int i = 0; i < EPOCHS; i++) {
                epoch = model.epoch(xy[0], xy[1], LEARNING_RATE);
                System.out.println("train loss: " + epoch.loss());
            }
            return epoch;
        }
    }

    /**
     * {@code X, y = load_iris(return_X_y=True)}, the first 100 rows, as {@code tensor_x} (100, 4)
     * and {@code tensor_y} (100) of float32.
     *
     * @param csv an iris.csv laid out as scikit-learn's; null for the bundled copy
     */
    public static NDArray[] data(NDManager manager, Path csv) {
        TabularData iris = TutorialTables.iris(csv);
        return new NDArray[] {iris.featureArray(manager), iris.labelArray(manager)};
    }

    /** An epoch's loss, before its update, and the fraction of rows its forward pass got right. */
    public record Epoch(float loss, float accuracy) {}

    /** One pass of the tutorial's loop over all rows: forward, loss, backward, update. */
    public Epoch epoch(NDArray tensorX, NDArray tensorY, float learningRate) {
        try (NDManager step = manager.newSubManager()) {
            step.tempAttachAll(tensorX, tensorY, w, b);
            NDArray z;
            NDArray loss;
            try (GradientCollector collector = PyTorch.engine().newGradientCollector()) {
                // z = torch.sigmoid(F.linear(tensor_x, w, b)), flattened from (100, 1) to (100):
                // against (100) labels the loss would broadcast to 100 x 100
                z = Activation.sigmoid(tensorX.matMul(w.transpose()).add(b)).reshape(-1);
                loss = binaryCrossEntropy(z, tensorY);
                collector.backward(loss);
            }
            // with torch.no_grad(): w -= learning_rate * w.grad; b -= ...; then grad.zero_()
            for (NDArray parameter : new NDArray[] {w, b}) {
                NDArray grad = parameter.getGradient();
                parameter.stopGradient().subi(grad.mul(learningRate));
                grad.subi(grad);
            }
            NDArray correct = z.gte(0.5f).eq(tensorY.gte(0.5f));
            return new Epoch(loss.getFloat(), correct.toType(DataType.FLOAT32, false).mean()
                    .getFloat());
        }
    }

    /**
     * {@code F.binary_cross_entropy(z, y, reduction='mean')}, which DJL has on logits only: the
     * mean of -(y·log z + (1-y)·log(1-z)), each log clamped at -100 as PyTorch's, so log(0) stays
     * finite. Its scalars are libtorch's ({@link Scalars}): autograd keeps them for backward.
     */
    public static NDArray binaryCrossEntropy(NDArray z, NDArray y) {
        NDArray floor = Scalars.like(z, -100f);
        NDArray one = Scalars.like(z, 1f);
        NDArray logZ = z.log().maximum(floor);
        NDArray logNotZ = z.neg().add(one).log().maximum(floor);
        return y.mul(logZ).add(y.neg().add(one).mul(logNotZ)).mean().neg();
    }

    /** The weights (1, features). */
    public NDArray weight() {
        return w;
    }

    public NDArray bias() {
        return b;
    }

    @Override
    public void close() {
        manager.close();
    }
}
