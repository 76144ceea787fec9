package org.linearmodels;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.TrainingConfig;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Path;
import org.linearmodels.cli.Cli;
import org.linearmodels.data.DatasetCache;
import org.linearmodels.data.ImageDataset;
import org.linearmodels.data.ImageSplits;
import org.linearmodels.engine.PyTorch;

/**
 * Tutorial T4, logistic regression on MNIST: {@code nn.Linear(784, 10)} on the flattened
 * images, cross-entropy and SGD at lr 0.001 in shuffled batches of 100 for 5 epochs, then the
 * accuracy on the test images and {@code torch.save}. Each step is a method, in the tutorial's
 * order; {@link #tutorial} runs them all. {@code ./run MnistLogistic} runs them through
 * {@link MnistLogisticCommand}, which adds flags, the step log, the chart, checkpoints and resume.
 */
public final class MnistLogistic {

    public static final String NAME = "mnist-logistic";

    // Hyper-parameters
    public static final int INPUT_SIZE = 28 * 28;
    public static final int NUM_CLASSES = 10;
    public static final int NUM_EPOCHS = 5;
    public static final int BATCH_SIZE = 100;
    public static final float LEARNING_RATE = 0.001f;

    private MnistLogistic() {}

    public static void main(String[] args) {
        Cli.run(new MnistLogisticCommand(), args);
    }

    /** The whole tutorial with its own settings; returns the test accuracy. */
    public static float tutorial(Path dataDir, Path saveDir)
            throws IOException, TranslateException {
        try (NDManager manager = NDManager.newBaseManager()) {
            // MNIST dataset (images and labels) and the data loaders
            DatasetCache cache = new DatasetCache(dataDir);
            Dataset trainLoader = ImageSplits.training(cache, ImageDataset.MNIST, BATCH_SIZE,
                    Long.MAX_VALUE, Device.cpu(), manager);
            Dataset testLoader = ImageSplits.testInBatches(cache, ImageDataset.MNIST,
                    BATCH_SIZE, Device.cpu(), manager);
            try (Model model = model(Device.cpu());
                    Trainer trainer = trainer(model, config(LEARNING_RATE))) {
                train(trainer, NUM_EPOCHS, trainLoader, null);
                float accuracy = test(model, testLoader, manager);
                // torch.save(model.state_dict(), 'model.ckpt')
                model.save(saveDir, NAME);
                return accuracy;
            }
        }
    }

    /** {@code model = nn.Linear(input_size, num_classes)}, on {@code images.reshape(-1, 784)}. */
    public static Model model(Device device) {
        Model model = Model.newInstance(NAME, device, PyTorch.NAME);
        model.setBlock(new SequentialBlock()
                .add(Blocks.batchFlattenBlock(INPUT_SIZE))
                .add(Linear.builder().setUnits(NUM_CLASSES).build()));
        return model;
    }

    /**
     * {@code criterion = nn.CrossEntropyLoss()}, softmax included, and
     * {@code optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)}; the parameters
     * start as {@code nn.Linear}'s do, uniform in ±1/√784 (DJL's Linear: Xavier).
     */
    public static DefaultTrainingConfig config(float learningRate) {
        var pytorchInit = new UniformInitializer((float) (1 / Math.sqrt(INPUT_SIZE)));
        return new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.sgd()
                        .setLearningRateTracker(Tracker.fixed(learningRate)).build())
                .optInitializer(pytorchInit, Parameter.Type.WEIGHT)
                .optInitializer(pytorchInit, Parameter.Type.BIAS);
    }

    /** A trainer for the model, its parameters made for rows of 784 pixels. */
    public static Trainer trainer(Model model, TrainingConfig config) {
        Trainer trainer = model.newTrainer(config);
        trainer.initialize(new Shape(1, INPUT_SIZE));
        return trainer;
    }

    /**
     * Train the model: {@code for epoch ...: for images, labels in train_loader:} forward, loss,
     * {@code optimizer.zero_grad()}, {@code loss.backward()}, {@code optimizer.step()}. With a
     * test loader, the trainer's listeners also hear its batches after every epoch.
     */
    public static void train(Trainer trainer, int epochs, Dataset trainLoader,
            Dataset testLoader) throws IOException, TranslateException {
        EasyTrain.fit(trainer, epochs, trainLoader, testLoader);
    }

    /**
     * Test the model, without gradients: the fraction of test images whose largest logit is
     * their label ({@code torch.max(outputs.data, 1)}, then {@code (predicted == labels).sum()}).
     */
    public static float test(Model model, Dataset testLoader, NDManager manager)
            throws IOException, TranslateException {
        long correct = 0;
        long total = 0;
        ParameterStore parameters = new ParameterStore(manager, false);
        for (Batch batch : testLoader.getData(manager)) {
            try (batch) {
                NDList images = batch.getData();
                NDArray labels = batch.getLabels().singletonOrThrow();
                NDArray outputs = model.getBlock().forward(parameters, images, false)
                        .singletonOrThrow();
                NDArray predicted = outputs.argMax(1);
                total += labels.size();
                correct += predicted.eq(labels).sum().getLong();
            }
        }
        return (float) correct / total;
    }
}
