package org.linearmodels;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.TrainingConfig;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.training.loss.L2Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import org.linearmodels.cli.Cli;
import org.linearmodels.engine.PyTorch;
import org.linearmodels.engine.Scalars;

/**
 * Tutorial T1, linear regression on y = 2x: one {@code nn.Linear(1, 1)} fitted to x = 1, 2, 3
 * with the summed squared error and SGD at lr 0.05 for 51 epochs. Each of the tutorial's four
 * steps (data, model, loss and optimiser, training) is a method, in its order; {@link #tutorial}
 * runs them all. {@code ./run LinearRegression} runs them through
 * {@link LinearRegressionCommand}, which adds flags, the epoch log, the curves, the checkpoint
 * and predictions for new x.
 */
public final class LinearRegression {

    public static final String NAME = "linear-regression";
    public static final int EPOCHS = 51;
    public static final float LR = 0.05f;

    private LinearRegression() {}

    public static void main(String[] args) {
        Cli.run(new LinearRegressionCommand(), args);
    }

    /** The whole tutorial; returns the trained weight and bias. */
    public static float[] tutorial() throws IOException, TranslateException {
        try (NDManager manager = NDManager.newBaseManager();
                Model model = model(Device.cpu());
                Trainer trainer = trainer(model, config(LR))) {
            train(trainer, EPOCHS, data(manager, 3));
            NDList parameters = new NDList(model.getBlock().getParameters().values().stream()
                    .map(Parameter::getArray).toList());
            return new float[] {parameters.get(0).getFloat(), parameters.get(1).getFloat()};
        }
    }

    /** 1. The training data: {@code x_data = [[1.0], [2.0], [3.0]]}, y = 2x. */
    public static Dataset data(NDManager manager, int batchSize) {
        NDArray xData = manager.create(new float[] {1, 2, 3}, new Shape(3, 1));
        NDArray yData = manager.create(new float[] {2, 4, 6}, new Shape(3, 1));
        return new ArrayDataset.Builder().setData(xData).optLabels(yData)
                .setSampling(batchSize, false).build();
    }

    /**
     * 2. The model, {@code self.linear = torch.nn.Linear(1, 1)}; it starts uniform in ±1/√1 as
     * PyTorch's does (DJL's Linear would start from Xavier, see {@link #config}).
     */
    public static Model model(Device device) {
        Model model = Model.newInstance(NAME, device, PyTorch.NAME);
        model.setBlock(Linear.builder().setUnits(1).build());
        return model;
    }

    /**
     * 3. {@code criterion = torch.nn.MSELoss(size_average=False)} and
     * {@code optimizer = torch.optim.SGD(Model.parameters(), lr=0.05)}.
     */
    public static DefaultTrainingConfig config(float learningRate) {
        return new DefaultTrainingConfig(new SumOfSquares())
                .optOptimizer(Optimizer.sgd()
                        .setLearningRateTracker(Tracker.fixed(learningRate)).build())
                .optInitializer(new UniformInitializer(1f), Parameter.Type.WEIGHT)
                .optInitializer(new UniformInitializer(1f), Parameter.Type.BIAS);
    }

    /**
     * The squared errors summed over the batch. DJL's {@link L2Loss} is weight·mean((ŷ − y)²):
     * the mean times the batch size is the sum. The batch size is a scalar libtorch makes, not
     * {@code mul(3)}, whose Java buffer is freed before backward reads it ({@link Scalars}).
     */
    public static final class SumOfSquares extends L2Loss {

        public SumOfSquares() {
            super("SumOfSquares", 1f);
        }

        @Override
        public NDArray evaluate(NDList label, NDList prediction) {
            NDArray yPred = prediction.singletonOrThrow();
            NDArray squares = label.singletonOrThrow().reshape(yPred.getShape()).sub(yPred)
                    .square();
            return squares.mean().mul(Scalars.like(yPred, yPred.getShape().get(0)));
        }
    }

    /** A trainer for the model, its parameters made for one input. */
    public static Trainer trainer(Model model, TrainingConfig config) {
        Trainer trainer = model.newTrainer(config);
        trainer.initialize(new Shape(1, 1));
        return trainer;
    }

    /**
     * 4. Training: {@code for epoch in range(51):} {@code y_pred = Model(x_data)},
     * {@code loss = criterion(y_pred, y_data)}, {@code optimizer.zero_grad()},
     * {@code loss.backward()}, {@code optimizer.step()}.
     */
    public static void train(Trainer trainer, int epochs, Dataset data)
            throws IOException, TranslateException {
        EasyTrain.fit(trainer, epochs, data, null);
    }
}
