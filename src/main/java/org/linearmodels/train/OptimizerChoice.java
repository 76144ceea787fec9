package org.linearmodels.train;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.Locale;

/** The {@code --optimizer} flag: every optimiser DJL 0.35 ships, at a fixed learning rate. */
public enum OptimizerChoice {
    SGD,
    NAG,
    ADAM,
    ADAMW,
    ADAGRAD,
    RMSPROP,
    ADADELTA;

    /** Nesterov momentum needs a momentum; 0.9 is the usual choice and DJL's documented one. */
    private static final float NAG_DEFAULT_MOMENTUM = 0.9f;

    /**
     * Builds the optimiser. {@code momentum} may be null for each optimiser's default. Adadelta
     * adapts its own step size and takes no learning rate.
     */
    public Optimizer create(float learningRate, Float momentum) {
        Tracker lr = Tracker.fixed(learningRate);
        return switch (this) {
            case SGD -> Optimizer.sgd().setLearningRateTracker(lr)
                    .optMomentum(momentum == null ? 0f : momentum).build();
            case NAG -> Optimizer.nag().setLearningRateTracker(lr)
                    .setMomentum(momentum == null ? NAG_DEFAULT_MOMENTUM : momentum).build();
            case ADAM -> Optimizer.adam().optLearningRateTracker(lr).build();
            case ADAMW -> Optimizer.adamW().optLearningRateTracker(lr).build();
            case ADAGRAD -> Optimizer.adagrad().optLearningRateTracker(lr).build();
            case RMSPROP -> Optimizer.rmsprop().optLearningRateTracker(lr)
                    .optMomentum(momentum == null ? 0f : momentum).build();
            case ADADELTA -> Optimizer.adadelta().build();
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
