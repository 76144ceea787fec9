package org.linearmodels.train;

import java.util.Locale;
import org.linearmodels.errors.ExitCode;
import org.linearmodels.errors.UserError;

/** Stops a run whose loss is no longer a finite number. */
public final class Divergence {

    private Divergence() {}

    /**
     * @param step the step within the epoch where the loss was read; 0 where only the epoch's
     *     average is known
     */
    public static void check(double loss, int epoch, long step) {
        if (Double.isFinite(loss)) {
            return;
        }
        String where = step > 0 ? String.format(Locale.ROOT, "epoch %d, step %d", epoch, step)
                : "epoch " + epoch;
        throw new UserError(ExitCode.DIVERGED, "training diverged: the loss became " + loss
                + " at " + where + ". The learning rate is too high for this model and data:"
                + " lower --lr and run again. Checkpoints saved before it are kept.");
    }
}
