package org.linearmodels;

import java.util.List;
import java.util.Locale;
import org.linearmodels.cli.Cli;
import org.linearmodels.cli.FeaturePredictorCommand;
import org.linearmodels.cli.Versions;
import org.linearmodels.model.Manifest;
import org.linearmodels.model.ModelSpec;
import picocli.CommandLine.Command;

/** Loads the checkpoint {@link ExamLogistic} saved and gives each student's chance of admission. */
@Command(name = "ExamPredictor", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = Versions.class,
        description = {"Predicts admission from two exam scores with the ExamLogistic checkpoint"
                + " (T3).",
            "Give two raw scores per student, e.g. 45 85 80 60 for two students; the model"
                    + " divides them by the training data's maxima itself."})
public final class ExamPredictor extends FeaturePredictorCommand {

    public ExamPredictor() {
        super(ExamLogistic.NAME, Cli.command(ExamLogistic.class),
                List.of("exam 1 score", "exam 2 score"), ModelSpec.Head.SIGMOID);
    }

    public static void main(String[] args) {
        Cli.run(new ExamPredictor(), args);
    }

    @Override
    protected String describe(float[] features, float[] answer, Manifest manifest) {
        float admitted = answer[0];
        return String.format(Locale.ROOT, "scores %s and %s: P(admitted) = %.3f, so %s",
                plain(features[0]), plain(features[1]),
                admitted, manifest.model().classNames().get(admitted >= 0.5f ? 1 : 0));
    }
}
