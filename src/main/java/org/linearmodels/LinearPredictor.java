package org.linearmodels;

import java.util.List;
import java.util.Locale;
import org.linearmodels.cli.Cli;
import org.linearmodels.cli.FeaturePredictorCommand;
import org.linearmodels.cli.Versions;
import org.linearmodels.model.Manifest;
import org.linearmodels.model.ModelSpec;
import picocli.CommandLine.Command;

/** Loads the checkpoint {@link LinearRegression} saved and prints y = w·x + b for each x. */
@Command(name = "LinearPredictor", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = Versions.class,
        description = "Predicts y for each x given, with the LinearRegression checkpoint (T1).")
public final class LinearPredictor extends FeaturePredictorCommand {

    public LinearPredictor() {
        super(LinearRegression.NAME, Cli.command(LinearRegression.class), List.of("x"),
                ModelSpec.Head.IDENTITY);
    }

    public static void main(String[] args) {
        Cli.run(new LinearPredictor(), args);
    }

    @Override
    protected String describe(float[] features, float[] answer, Manifest manifest) {
        return String.format(Locale.ROOT, "x = %s: y = %.4f", plain(features[0]),
                answer[0]);
    }
}
