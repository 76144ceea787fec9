package org.linearmodels.train;

import org.linearmodels.model.EpochRecord;

/**
 * What a {@link FitLoop} tells the console, the charts and the checkpoints as it runs. Only
 * {@link #onLoss} and {@link #onEpochEnd} carry numbers: the loop reads the loss off the device
 * at those points alone, so listening costs no copies.
 */
public interface FitListener {

    /** Before the first step of {@code epoch} (1-based) of {@code epochs}. */
    default void onEpochStart(int epoch, int epochs, long stepsPerEpoch) {}

    /** After every step; {@code step} counts from 1 within the epoch. */
    default void onStep(int epoch, long step) {}

    /** Every {@code logEvery} steps and at an epoch's last step: the current batch's loss. */
    default void onLoss(int epoch, int epochs, long step, long stepsPerEpoch, float loss) {}

    /** After the epoch's training and evaluation. */
    default void onEpochEnd(EpochRecord record, int epochs) {}
}
