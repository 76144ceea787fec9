package org.linearmodels;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.TrainingConfig;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SigmoidBinaryCrossEntropyLoss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.List;
import org.linearmodels.cli.Cli;
import org.linearmodels.data.TabularData;
import org.linearmodels.data.TutorialTables;
import org.linearmodels.engine.PyTorch;
import org.linearmodels.engine.Scalars;

/**
 * Tutorial T3, logistic regression on two exam scores, each divided by its column's maximum, as
 * the notebook goes: {@code w} and {@code b} by hand, the clamped loss, ten gradient steps by
 * hand at lr 0.1; then 1000 epochs of SGD at lr 1 with that loss, and again with the fused
 * {@code BCEWithLogitsLoss}. {@link #tutorial} runs it all. {@code ./run ExamLogistic} runs it
 * through {@link ExamLogisticCommand}, which adds flags, the logs, timings, the pictures of the
 * data, the sigmoid and the decision line, and the checkpoint.
 */
public final class ExamLogistic {

    public static final String NAME = "exam-logistic";
    public static final int HAND_STEPS = 10;
    public static final float HAND_LR = 0.1f;
    public static final int EPOCHS = 1000;
    public static final float LR = 1f;

    private final NDArray w;
    private final NDArray b;

    /** {@code w = Variable(torch.randn(2, 1), requires_grad=True)}, {@code b} zeros(1). */
    public ExamLogistic(NDManager manager) {
        w = manager.randomNormal(new Shape(2, 1));
        b = manager.zeros(new Shape(1));
        w.setRequiresGradient(true);
        b.setRequiresGradient(true);
    }

    public static void main(String[] args) {
        Cli.run(new ExamLogisticCommand(), args);
    }

    /** The whole notebook, printing the losses as it does. */
    public static void tutorial() throws IOException, TranslateException {
        TabularData data = normalized(TutorialTables.twoExams(null));
        try (NDManager manager = NDManager.newBaseManager()) {
            ExamLogistic byHand = new ExamLogistic(manager);
            NDArray x = data.featureArray(manager);
            NDArray y = data.labelArray(manager);
            System.out.println(byHand.loss(x, y));
            for (int i = 0; i < HAND_STEPS; i++) {
                System.out.println(byHand.stepByHand(x, y, HAND_LR));
            }
            for (Loss loss : List.of(binaryLossOnLogits(), new SigmoidBinaryCrossEntropyLoss())) {
                try (Model model = model(Device.cpu())) {
                    train(model, config(loss, LR), EPOCHS,
                            data.toDataset(manager, data.rows(), false));
                }
            }
        }
    }

    /** The rows {@code open('./data.txt')} read, each score divided by its column's maximum. */
    public static TabularData normalized(TabularData raw) {
        return raw.dividedBy(raw.columnMaxima());
    }

    /** {@code logistic_regression(x) = sigmoid(mm(x, w) + b)}, one probability per row. */
    public NDArray logisticRegression(NDArray x) {
        return Activation.sigmoid(x.matMul(w).add(b)).reshape(-1);
    }

    /**
     * {@code binary_loss}: -mean(y·log(clamp(ŷ, 1e-12)) + (1-y)·log(clamp(1-ŷ, 1e-12))). The
     * clamp keeps log(0) finite; its scalars are libtorch's ({@link Scalars}).
     */
    public static NDArray binaryLoss(NDArray yPred, NDArray y) {
        NDArray floor = Scalars.like(yPred, 1e-12f);
        NDArray one = Scalars.like(yPred, 1f);
        NDArray logits = y.mul(yPred.maximum(floor).log())
                .add(y.neg().add(one).mul(yPred.neg().add(one).maximum(floor).log()));
        return logits.mean().neg();
    }

    /** The loss of the current {@code w} and {@code b}. */
    public float loss(NDArray x, NDArray y) {
        return binaryLoss(logisticRegression(x), y).getFloat();
    }

    /**
     * One step by hand: {@code loss.backward()}, {@code w.data = w.data - 0.1 * w.grad.data}, the
     * same for b, the gradients zeroed; returns the loss after the update.
     */
    public float stepByHand(NDArray x, NDArray y, float lr) {
        try (NDManager scope = w.getManager().newSubManager()) {
            scope.tempAttachAll(x, y, w, b);
            try (GradientCollector collector = PyTorch.engine().newGradientCollector()) {
                collector.backward(binaryLoss(logisticRegression(x), y));
            }
            for (NDArray parameter : new NDArray[] {w, b}) {
                NDArray grad = parameter.getGradient();
                parameter.stopGradient().subi(grad.mul(lr));
                grad.subi(grad);
            }
        }
        return loss(x, y);
    }

    /** {@code w} and {@code b} as they are now. */
    public NDList parameters() {
        return new NDList(w, b);
    }

    /**
     * {@code w = nn.Parameter(torch.randn(2, 1))}, {@code b = nn.Parameter(torch.zeros(1))} and
     * {@code torch.mm(x, w) + b}: a Linear block of one unit, which outputs the logit; the
     * initial values are set in {@link #config}.
     */
    public static Model model(Device device) {
        Model model = Model.newInstance(NAME, device, PyTorch.NAME);
        model.setBlock(Linear.builder().setUnits(1).build());
        return model;
    }

    /** {@code binary_loss} on the block's logits: their sigmoid first, then the clamped loss. */
    public static Loss binaryLossOnLogits() {
        return new Loss("BinaryLoss") {
            @Override
            public NDArray evaluate(NDList labels, NDList predictions) {
                NDArray logits = predictions.singletonOrThrow();
                NDArray y = labels.singletonOrThrow().reshape(logits.getShape());
                return binaryLoss(Activation.sigmoid(logits), y);
            }
        };
    }

    /**
     * The loss ({@link #binaryLossOnLogits}, or {@code nn.BCEWithLogitsLoss()}: DJL's
     * {@link SigmoidBinaryCrossEntropyLoss}) and {@code optimizer = torch.optim.SGD([w, b],
     * lr=1.)}; w starts N(0, 1), b at 0.
     */
    public static DefaultTrainingConfig config(Loss criterion, float lr) {
        return new DefaultTrainingConfig(criterion)
                .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(lr)).build())
                .optInitializer(new NormalInitializer(1f), Parameter.Type.WEIGHT)
                .optInitializer(new ConstantInitializer(0f), Parameter.Type.BIAS);
    }

    /**
     * {@code for e in range(1000):} forward, loss, {@code optimizer.zero_grad()},
     * {@code loss.backward()}, {@code optimizer.step()}, all rows at once, on a trainer made for
     * rows of two scores.
     */
    public static void train(Model model, TrainingConfig config, int epochs, Dataset data)
            throws IOException, TranslateException {
        try (Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(new Shape(1, 2));
            EasyTrain.fit(trainer, epochs, data, null);
        }
    }
}
