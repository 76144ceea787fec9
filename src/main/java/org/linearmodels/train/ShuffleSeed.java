package org.linearmodels.train;

import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListenerAdapter;
import ai.djl.util.RandomUtils;
import java.util.Objects;

/**
 * Seeds DJL's shuffling before every epoch from the run's seed and the epoch's number alone, so
 * a run resumed after epoch k shuffles epoch k + 1 as an uninterrupted run does, and ends where
 * it would (with plain SGD, bit for bit). DJL's samplers draw from {@link RandomUtils#RANDOM},
 * which the engine's seed sets once; this listener sets it again as each epoch begins.
 */
public final class ShuffleSeed extends TrainingListenerAdapter {

    private final int seed;
    private int epoch;

    /** @param epochsDone the epochs a resumed run already has */
    public ShuffleSeed(int seed, int epochsDone) {
        this.seed = seed;
        this.epoch = epochsDone + 1;
    }

    /** Seeds the shuffle of {@code epoch} (1-based) of a run seeded with {@code seed}. */
    private static void seedEpoch(int seed, int epoch) {
        RandomUtils.RANDOM.setSeed(Objects.hash(seed, epoch));
    }

    @Override
    public void onTrainingBegin(Trainer trainer) {
        seedEpoch(seed, epoch);
    }

    @Override
    public void onEpoch(Trainer trainer) {
        epoch++;
        seedEpoch(seed, epoch);
    }
}
