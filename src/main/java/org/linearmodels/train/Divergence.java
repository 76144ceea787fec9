package org.linearmodels.train;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Locale;
import org.linearmodels.errors.DivergedException;

/**
 * The divergence rule: a run has diverged when a loss it reads is not a finite number, when an
 * epoch's loss is more than {@link #RISE} times the loss the run started from, or when the
 * parameters it is about to save are not all finite. A finite blow-up is divergence too: at
 * {@code --lr 1e30} the loss stays finite (1.9e29) and the model answers one class for
 * everything; gradient descent that has raised the loss tenfold does not come back.
 */
public final class Divergence {

    /** How many times its starting loss an epoch's loss may reach. */
    public static final double RISE = 10;

    private static final String FIX = " The learning rate is too high for this model and data:"
            + " lower --lr and run again. Checkpoints saved before it are kept.";

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
        throw new DivergedException("training diverged: the loss became " + loss
                + " at " + where + "." + FIX);
    }

    /**
     * Checks an epoch's loss against the loss the run started from.
     *
     * @param start the loss of the run's first step, or a resumed run's first epoch; NaN when
     *     not known yet
     */
    public static void checkEpoch(double loss, double start, int epoch) {
        check(loss, epoch, 0);
        if (start > 0 && loss > RISE * start) {
            throw new DivergedException(String.format(Locale.ROOT,
                    "training diverged: the loss rose to %.4g at epoch %d, more than %.0f times"
                    + " the %.4g it started from.", loss, epoch, RISE, start) + FIX);
        }
    }

    /** Refuses to save parameters that are not all finite numbers. */
    public static void checkParameters(List<NDArray> parameters, int epoch) {
        for (NDArray parameter : parameters) {
            // A sum is finite only if every element is; one read per array.
            try (NDArray sum = parameter.sum()) {
                if (!Float.isFinite(sum.getFloat())) {
                    throw new DivergedException("training diverged: the model's "
                            + "parameters are no longer finite numbers at epoch " + epoch
                            + ", so it is not saved." + FIX);
                }
            }
        }
    }
}
