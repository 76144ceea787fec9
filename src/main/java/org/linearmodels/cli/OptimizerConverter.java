package org.linearmodels.cli;

import java.util.Locale;
import org.linearmodels.model.OptimizerChoice;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --optimizer}, explaining the optimisers DJL has only for MXNet. */
public final class OptimizerConverter implements ITypeConverter<OptimizerChoice> {

    @Override
    public OptimizerChoice convert(String value) {
        String name = value.toLowerCase(Locale.ROOT);
        if (OptimizerChoice.MXNET_ONLY.contains(name)) {
            throw new TypeConversionException("'" + value + "' is one of DJL's MXNet-only"
                    + " optimisers (its PyTorch update is not implemented); use sgd, adam or"
                    + " adamw");
        }
        for (OptimizerChoice choice : OptimizerChoice.values()) {
            if (choice.toString().equals(name)) {
                return choice;
            }
        }
        throw new TypeConversionException("'" + value + "' is not an optimiser; use sgd, adam"
                + " or adamw");
    }
}
