package org.linearmodels.train;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --optimizer} flag: the optimisers DJL 0.35.1 implements on the PyTorch engine, at a
 * fixed learning rate. DJL also ships Adagrad, RMSProp, NAG and Adadelta, but on PyTorch their
 * update throws "Not implemented" (they were written for MXNet), so they are refused up front.
 */
public enum OptimizerChoice {
    SGD,
    ADAM,
    ADAMW;

    private static final Set<String> MXNET_ONLY = Set.of("adagrad", "rmsprop", "nag", "adadelta");

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

    /** Parses the flag, explaining the optimisers DJL has only for MXNet. */
    public static final class Converter implements ITypeConverter<OptimizerChoice> {
        @Override
        public OptimizerChoice convert(String value) {
            String name = value.toLowerCase(Locale.ROOT);
            if (MXNET_ONLY.contains(name)) {
                throw new TypeConversionException("'" + value + "' is one of DJL's MXNet-only"
                        + " optimisers (its PyTorch update is not implemented); use sgd, adam or"
                        + " adamw");
            }
            for (OptimizerChoice choice : values()) {
                if (choice.toString().equals(name)) {
                    return choice;
                }
            }
            throw new TypeConversionException("'" + value + "' is not an optimiser; use sgd,"
                    + " adam or adamw");
        }
    }
}
