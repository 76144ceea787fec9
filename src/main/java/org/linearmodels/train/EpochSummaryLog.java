package org.linearmodels.train;

import java.util.Locale;
import org.linearmodels.model.EpochRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs a line with an epoch's loss, accuracies and time, every so many epochs and the last. */
public final class EpochSummaryLog implements FitListener {

    private static final Logger logger = LoggerFactory.getLogger(EpochSummaryLog.class);

    private final int every;

    public EpochSummaryLog(int every) {
        this.every = every;
    }

    @Override
    public void onEpochEnd(EpochRecord record, int epochs) {
        if (record.epoch() % every != 0 && record.epoch() != epochs) {
            return;
        }
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
        logger.info(line.toString());
    }
}
