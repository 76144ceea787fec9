package org.linearmodels.train;

import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListenerAdapter;
import ai.djl.training.util.ProgressBar;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PyTorch tutorials' step log, {@code Epoch [1/5], Step [100/600], Loss: 2.2498}, every so
 * many steps, beside DJL's progress bar on a terminal (in a log file its carriage returns are
 * noise). The logged loss is the batch's, read from the device only at those steps; a loss that
 * is not a finite number stops the run there.
 */
public final class StepLog extends TrainingListenerAdapter {

    private static final Logger logger = LoggerFactory.getLogger(StepLog.class);
    private static final String CLEAR_LINE = "\r\033[2K";

    private final int every;
    private final long steps;
    private final int epochs;
    private final boolean bar = System.console() != null;
    private int epoch;
    private long step;
    private ProgressBar progress;

    /**
     * @param every steps between two log lines
     * @param steps the steps of an epoch
     * @param epochsDone the epochs a resumed run already has
     * @param epochs the run's last epoch
     */
    public StepLog(int every, long steps, int epochsDone, int epochs) {
        this.every = every;
        this.steps = steps;
        this.epoch = epochsDone + 1;
        this.epochs = epochs;
    }

    @Override
    public void onTrainingBatch(Trainer trainer, BatchData batchData) {
        step++;
        if (bar && progress == null) {
            progress = new ProgressBar(String.format(Locale.ROOT, "Epoch %d/%d", epoch, epochs),
                    steps);
        }
        if (step % every == 0 || step == steps) {
            var device = batchData.getLabels().keySet().iterator().next();
            float loss = TrackedLoss.ofBatch(trainer, batchData.getLabels().get(device),
                    batchData.getPredictions().get(device)).getFloat();
            Divergence.check(loss, epoch, step);
            if (progress != null) {
                System.out.print(CLEAR_LINE);
                System.out.flush();
            }
            logger.info(String.format(Locale.ROOT, "Epoch [%d/%d], Step [%d/%d], Loss: %.4f",
                    epoch, epochs, step, steps, loss));
        }
        if (progress != null) {
            progress.update(step - 1, null);
        }
    }

    @Override
    public void onEpoch(Trainer trainer) {
        if (progress != null) {
            System.out.print(CLEAR_LINE);
            System.out.flush();
        }
        progress = null;
        epoch++;
        step = 0;
    }
}
