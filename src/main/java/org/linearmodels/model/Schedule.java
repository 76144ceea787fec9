package org.linearmodels.model;

import ai.djl.training.tracker.Tracker;
import java.util.Locale;

/** The {@code --schedule} flag: how the learning rate moves over a run, with DJL's trackers. */
public enum Schedule {
    /** The tutorials': the same rate throughout. */
    CONSTANT,
    /** Cosine decay from the rate to zero over the run's steps (DJL's CosineTracker). */
    COSINE;

    /** The tracker for a run of {@code totalSteps} optimiser updates. */
    public Tracker tracker(float learningRate, int totalSteps) {
        return switch (this) {
            case CONSTANT -> Tracker.fixed(learningRate);
            case COSINE -> Tracker.cosine().setBaseValue(learningRate).optFinalValue(0f)
                    .setMaxUpdates(totalSteps).build();
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
