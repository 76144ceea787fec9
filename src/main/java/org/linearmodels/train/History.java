package org.linearmodels.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListenerAdapter;
import java.util.ArrayList;
import java.util.List;
import org.linearmodels.model.CorrectCount;
import org.linearmodels.model.EpochRecord;

/**
 * Each epoch's training loss and accuracy and its test accuracy, kept as {@link EpochRecord}s
 * for the logs, the chart and the checkpoint's manifest, which read {@link #last()} in their own
 * {@code onEpoch}: register this listener before them.
 *
 * <p>Not DJL's {@code EvaluatorTrainingListener}: that one reads every batch's loss and accuracy
 * back to the JVM, which costs more than a linear model's step. Here the sums stay on the
 * device and are read once an epoch. DJL's training loop does not hand its loss to listeners:
 * a {@link TrackedLoss} keeps it for them; any other loss is evaluated again from the batch's
 * predictions, as DJL's own evaluators do.
 */
public final class History extends TrainingListenerAdapter {

    private final CorrectCount accuracy;
    private final List<EpochRecord> records;
    private NDManager sums;
    private NDArray lossSum;
    private NDArray trainCorrect;
    /** Per row of a full batch, its correct predictions this epoch: summed once, at its end. */
    private NDArray rowCorrect;
    /** The batch size as the scalar the loss is weighted by, made once an epoch. */
    private NDArray weight;
    private long weightValue;
    private NDArray testCorrect;
    private long trainSeen;
    private long testSeen;
    private long started;
    private long trained;
    private double start = Double.NaN;

    /**
     * @param accuracy counts correct predictions; null for regression
     * @param earlier the epochs a resumed run already has
     */
    public History(CorrectCount accuracy, List<EpochRecord> earlier) {
        this.accuracy = accuracy;
        this.records = new ArrayList<>(earlier);
        if (!earlier.isEmpty()) {
            start = earlier.get(0).trainLoss();
        }
    }

    @Override
    public void onTrainingBatch(Trainer trainer, BatchData batchData) {
        if (sums == null) {
            // The clock starts at the epoch's first step, so that charts and checkpoints drawn
            // at the previous epoch's end are not counted as training.
            started = System.nanoTime();
            sums = trainer.getManager().newSubManager();
            lossSum = sums.zeros(new Shape());
            trainCorrect = sums.zeros(new Shape());
            rowCorrect = null;
            weight = null;
            testCorrect = sums.zeros(new Shape());
            trainSeen = 0;
            testSeen = 0;
        }
        for (var device : batchData.getLabels().keySet()) {
            NDList labels = batchData.getLabels().get(device);
            NDList predictions = batchData.getPredictions().get(device);
            long size = labels.head().getShape().get(0);
            NDArray loss = TrackedLoss.ofBatch(trainer, labels, predictions);
            if (Double.isNaN(start)) {
                start = loss.getFloat();  // the untrained model's, read once a run
            }
            // Two native calls for each sum a step rather than four: loss.mul(size) would make
            // its scalar anew every step, and a count per row leaves the summing to the epoch's
            // end (T4: 73 -> 45-50 µs a step; the counts are whole numbers, so equal to the bit).
            if (weight == null || weightValue != size) {
                weight = sums.create(size);
                weightValue = size;
            }
            lossSum.addi(loss.mul(weight));
            if (accuracy != null) {
                NDArray matches = accuracy.matches(predictions.head(), labels.head());
                if (rowCorrect == null) {
                    rowCorrect = sums.zeros(matches.getShape());
                }
                if (matches.getShape().equals(rowCorrect.getShape())) {
                    rowCorrect.addi(matches);
                } else {
                    trainCorrect.addi(matches.sum());
                }
            }
            trainSeen += size;
        }
        // The training's end as near as a listener sees it: after the epoch's last batch only
        // its optimiser step (tens of microseconds) is left before the evaluation starts.
        trained = System.nanoTime();
    }

    @Override
    public void onValidationBatch(Trainer trainer, BatchData batchData) {
        for (var device : batchData.getLabels().keySet()) {
            NDList labels = batchData.getLabels().get(device);
            testCorrect.addi(accuracy.count(batchData.getPredictions().get(device).head(),
                    labels.head()));
            testSeen += labels.head().getShape().get(0);
        }
    }

    /** Closes the epoch's record; stops the run if it diverged ({@link Divergence}). */
    @Override
    public void onEpoch(Trainer trainer) {
        long now = System.nanoTime();
        int epoch = records.isEmpty() ? 1 : last().epoch() + 1;
        double trainLoss = lossSum.getFloat() / trainSeen;
        Double trainAccuracy = accuracy == null ? null
                : ((double) trainCorrect.getFloat()
                        + (rowCorrect == null ? 0 : rowCorrect.sum().getFloat())) / trainSeen;
        boolean tested = testSeen > 0 && accuracy != null;
        Double testAccuracy = tested ? (double) testCorrect.getFloat() / testSeen : null;
        sums.close();
        sums = null;
        Divergence.checkEpoch(trainLoss, start, epoch);
        records.add(new EpochRecord(epoch, trainLoss, trainAccuracy, testAccuracy,
                ((tested ? trained : now) - started) / 1e9, tested ? (now - trained) / 1e9 : null));
    }

    /** Adds an epoch's record made by a loop of its own (the from-scratch tutorials). */
    public void add(EpochRecord record) {
        if (Double.isNaN(start)) {
            start = record.trainLoss();
        }
        Divergence.checkEpoch(record.trainLoss(), start, record.epoch());
        records.add(record);
    }

    @Override
    public void onTrainingEnd(Trainer trainer) {
        if (sums != null) {
            sums.close();
        }
    }

    public List<EpochRecord> records() {
        return List.copyOf(records);
    }

    /** The last finished epoch; there must be one. */
    public EpochRecord last() {
        return records.get(records.size() - 1);
    }
}
