package org.linearmodels.model;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code --optimizer} flag: the optimisers DJL 0.35.1 implements on the PyTorch engine, at a
 * fixed learning rate. DJL also ships Adagrad, RMSProp, NAG and Adadelta, but on PyTorch their
 * update throws "Not implemented" (they were written for MXNet), so they are refused up front.
 */
public enum OptimizerChoice {
    SGD,
    ADAM,
    ADAMW;

    /** DJL's optimisers written for MXNet only, whose PyTorch update throws. */
    public static final Set<String> MXNET_ONLY = Set.of("adagrad", "rmsprop", "nag", "adadelta");

    /**
     * Builds the optimiser; {@code momentum} (SGD only) may be null for none.
     *
     * @param updatesDone updates already made (a resumed run), so a schedule carries on
     */
    public Optimizer create(Tracker lr, Float momentum, int updatesDone) {
        return switch (this) {
            case SGD -> Optimizer.sgd().setLearningRateTracker(lr)
                    .optMomentum(momentum == null ? 0f : momentum)
                    .optBeginNumUpdate(updatesDone).build();
            case ADAM -> Optimizer.adam().optLearningRateTracker(lr)
                    .optBeginNumUpdate(updatesDone).build();
            case ADAMW -> Optimizer.adamW().optLearningRateTracker(lr)
                    .optBeginNumUpdate(updatesDone).build();
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
