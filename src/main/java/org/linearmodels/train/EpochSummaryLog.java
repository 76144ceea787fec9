package org.linearmodels.train;

import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListenerAdapter;
import java.util.Locale;
import java.util.function.Function;
import org.linearmodels.model.EpochRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs a line with an epoch's loss, accuracies and time, every so many epochs and the last. */
public final class EpochSummaryLog extends TrainingListenerAdapter {

    private static final Logger logger = LoggerFactory.getLogger(EpochSummaryLog.class);

    private final History history;
    private final int every;
    private final int epochs;
    private final Function<EpochRecord, String> line;

    /** Logs {@code history}'s epochs every {@code every} epochs and the last of {@code epochs}. */
    public EpochSummaryLog(History history, int every, int epochs) {
        this(history, every, epochs, record -> summary(record, epochs));
    }

    /** The same, each epoch logged as {@code line} writes it (a tutorial's own print). */
    public EpochSummaryLog(History history, int every, int epochs,
            Function<EpochRecord, String> line) {
        this.history = history;
        this.every = every;
        this.epochs = epochs;
        this.line = line;
    }

    @Override
    public void onEpoch(Trainer trainer) {
        log(history.last());
    }

    /** Logs {@code record} if it is every {@code every}-th epoch or the last of {@code epochs}. */
    public void log(EpochRecord record) {
        if (record.epoch() % every == 0 || record.epoch() == epochs) {
            logger.info(line.apply(record));
        }
    }

    /** Time, loss and accuracies of an epoch of {@code epochs}. */
    private static String summary(EpochRecord record, int epochs) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "Epoch %d/%d finished in %.2f s%s: train loss %.4f", record.epoch(), epochs,
                record.seconds(), record.evalSeconds() == null ? ""
                        : String.format(Locale.ROOT, " (+%.2f s evaluation)", record.evalSeconds()),
                record.trainLoss()));
        if (record.trainAccuracy() != null) {
            line.append(String.format(Locale.ROOT, ", train accuracy %.4f",
                    record.trainAccuracy()));
        }
        if (record.testAccuracy() != null) {
            line.append(String.format(Locale.ROOT, ", test accuracy %.4f", record.testAccuracy()));
        }
        return line.toString();
    }
}
