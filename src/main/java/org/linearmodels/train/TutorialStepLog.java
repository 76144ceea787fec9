package org.linearmodels.train;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the batch loss as the PyTorch tutorials print it:
 * {@code Epoch [1/5], Step [100/600], Loss: 2.1771}.
 */
public final class TutorialStepLog implements FitListener {

    private static final Logger logger = LoggerFactory.getLogger(TutorialStepLog.class);

    @Override
    public void onLoss(int epoch, int epochs, long step, long stepsPerEpoch, float loss) {
        logger.info(String.format(Locale.ROOT, "Epoch [%d/%d], Step [%d/%d], Loss: %.4f",
                epoch, epochs, step, stepsPerEpoch, loss));
    }
}
