package org.linearmodels.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.translate.TranslateException;
import ai.djl.util.RandomUtils;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.linearmodels.errors.ExitCode;
import org.linearmodels.errors.UserError;
import org.linearmodels.model.EpochRecord;

/**
 * The training loop every {@link Trainer}-based driver shares: forward, loss, backward and
 * {@code trainer.step()} per batch, then evaluation on the test set per epoch.
 *
 * <p>Written here rather than taken from {@code EasyTrain.fit}: DJL's evaluator listeners copy
 * the loss and accuracy to the host after every batch, which costs more than the batch itself
 * for a linear model. This loop sums them on the device and reads them once per log line and
 * per epoch.
 */
public final class FitLoop {

    private final Trainer trainer;
    private final CorrectCount accuracy;
    private final int logEvery;
    private final int seed;
    private final List<FitListener> listeners;

    /**
     * @param accuracy counts correct predictions; null for regression
     * @param logEvery steps between two {@link FitListener#onLoss} calls
     * @param seed with the epoch number, fixes each epoch's shuffle, so a resumed run shuffles
     *     as an uninterrupted one would
     */
    public FitLoop(Trainer trainer, CorrectCount accuracy, int logEvery, int seed,
            List<FitListener> listeners) {
        this.trainer = trainer;
        this.accuracy = accuracy;
        this.logEvery = logEvery;
        this.seed = seed;
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Trains epochs {@code firstEpoch} to {@code epochs} (1-based, inclusive).
     *
     * @param trainSize the number of training examples, for steps per epoch
     * @param test evaluated after every epoch; null for none
     */
    public void fit(Dataset train, long trainSize, int batchSize, Dataset test, int firstEpoch,
            int epochs) {
        long stepsPerEpoch = (trainSize + batchSize - 1) / batchSize;
        for (int epoch = firstEpoch; epoch <= epochs; epoch++) {
            RandomUtils.RANDOM.setSeed(Objects.hash(seed, epoch));
            for (FitListener listener : listeners) {
                listener.onEpochStart(epoch, epochs, stepsPerEpoch);
            }
            long start = System.nanoTime();
            EpochRecord record = runEpoch(train, test, epoch, epochs, stepsPerEpoch, start);
            for (FitListener listener : listeners) {
                listener.onEpochEnd(record, epochs);
            }
        }
    }

    private EpochRecord runEpoch(Dataset train, Dataset test, int epoch, int epochs,
            long stepsPerEpoch, long start) {
        try (NDManager sums = trainer.getManager().newSubManager()) {
            NDArray lossSum = sums.zeros(new Shape());
            NDArray correct = sums.zeros(new Shape());
            long seen = 0;
            long step = 0;
            for (Batch batch : iterate(train)) {
                try (batch) {
                    NDList labels = batch.getLabels();
                    NDList predictions;
                    NDArray loss;
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        predictions = trainer.forward(batch.getData(), labels);
                        loss = trainer.getLoss().evaluate(labels, predictions);
                        collector.backward(loss);
                    }
                    trainer.step();
                    step++;
                    seen += batch.getSize();
                    lossSum.addi(loss.mul(batch.getSize()));
                    if (accuracy != null) {
                        correct.addi(accuracy.count(predictions.singletonOrThrow(),
                                labels.singletonOrThrow()));
                    }
                    for (FitListener listener : listeners) {
                        listener.onStep(epoch, step);
                    }
                    if (step % logEvery == 0 || step == stepsPerEpoch) {
                        float value = loss.getFloat();
                        Divergence.check(value, epoch, step);
                        for (FitListener listener : listeners) {
                            listener.onLoss(epoch, epochs, step, stepsPerEpoch, value);
                        }
                    }
                }
            }
            double trainLoss = lossSum.getFloat() / seen;
            Double trainAccuracy = accuracy == null ? null : (double) correct.getFloat() / seen;
            long trained = System.nanoTime();
            if (test == null || accuracy == null) {
                return new EpochRecord(epoch, trainLoss, trainAccuracy, null,
                        (trained - start) / 1e9, null);
            }
            double testAccuracy = evaluate(test);
            return new EpochRecord(epoch, trainLoss, trainAccuracy, testAccuracy,
                    (trained - start) / 1e9, (System.nanoTime() - trained) / 1e9);
        }
    }

    /** The fraction of {@code data} the model classifies correctly. */
    public double evaluate(Dataset data) {
        try (NDManager sums = trainer.getManager().newSubManager()) {
            NDArray correct = sums.zeros(new Shape());
            long seen = 0;
            for (Batch batch : iterate(data)) {
                try (batch) {
                    NDList predictions = trainer.evaluate(batch.getData());
                    correct.addi(accuracy.count(predictions.singletonOrThrow(),
                            batch.getLabels().singletonOrThrow()));
                    seen += batch.getSize();
                }
            }
            return (double) correct.getFloat() / seen;
        }
    }

    private Iterable<Batch> iterate(Dataset data) {
        try {
            return trainer.iterateDataset(data);
        } catch (IOException | TranslateException e) {
            throw new UserError(ExitCode.DATA_CORRUPT, "cannot read the data set: "
                    + e.getMessage(), e);
        }
    }
}
