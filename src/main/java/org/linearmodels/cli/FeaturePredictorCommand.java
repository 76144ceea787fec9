package org.linearmodels.cli;

import ai.djl.Device;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.linearmodels.io.ProjectFiles;
import org.linearmodels.model.CheckpointFiles;
import org.linearmodels.model.Manifest;
import org.linearmodels.model.ModelSpec;
import org.linearmodels.predict.FeaturePredictor;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What the tabular predictors share: load a checkpoint, read the numbers given on the command
 * line as examples of a fixed number of features, and print one answer per example.
 */
public abstract class FeaturePredictorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NUMBER", arity = "1..*",
            description = "The feature values, example after example.")
    List<Float> values = List.of();

    @Option(names = "--model-dir", paramLabel = "DIR",
            description = "The checkpoint to load. Default: ${DEFAULT-VALUE}.")
    Path modelDir;

    @Mixin
    EngineOptions engine = new EngineOptions();

    private final String modelName;
    private final String trainCommand;
    private final List<String> featureNames;
    private final ModelSpec.Head head;

    /**
     * @param featureNames what each of an example's numbers is, in order
     * @param head how the model's one output is read, which {@link #describe} relies on
     */
    protected FeaturePredictorCommand(String modelName, String trainCommand,
            List<String> featureNames, ModelSpec.Head head) {
        this.modelName = modelName;
        this.trainCommand = trainCommand;
        this.featureNames = List.copyOf(featureNames);
        this.head = head;
        this.modelDir = ProjectFiles.path("models", modelName);
    }

    @Override
    public Integer call() {
        int width = featureNames.size();
        if (values.size() % width != 0) {
            throw new ParameterException(spec.commandLine(), expected() + ", got "
                    + values.size());
        }
        List<float[]> rows = new ArrayList<>();
        for (int start = 0; start < values.size(); start += width) {
            float[] row = new float[width];
            for (int j = 0; j < width; j++) {
                row[j] = values.get(start + j);  // finite: Cli's converter refuses the rest
            }
            rows.add(row);
        }
        Device device = engine.predictionDevice(spec);
        try (FeaturePredictor predictor = FeaturePredictor.load(modelDir, modelName,
                trainCommand, device)) {
            CheckpointFiles.requireKind(modelDir, predictor.manifest(), trainCommand,
                    List.of((long) width), 1, head);
            List<float[]> answers = predictor.predict(rows);
            for (int i = 0; i < rows.size(); i++) {
                System.out.println(describe(rows.get(i), answers.get(i), predictor.manifest()));
            }
        }
        return 0;
    }

    /** e.g. "give 2 numbers per example (exam 1 score, exam 2 score)". */
    private String expected() {
        int width = featureNames.size();
        return "give " + width + (width == 1 ? " number" : " numbers") + " per example ("
                + String.join(", ", featureNames) + ")";
    }

    /**
     * The line for a word among a feature predictor's numbers that is not a usable number, or
     * empty for any other error. Picocli stops taking numbers at the first word it cannot
     * convert and calls that word and the rest unmatched arguments; only a bad first word
     * reaches the converter, as "positional parameter at index 0..*".
     */
    static Optional<String> badNumber(ParameterException e) {
        if (!(e.getCommandLine().getCommand() instanceof FeaturePredictorCommand command)) {
            return Optional.empty();
        }
        String word;
        if (e instanceof UnmatchedArgumentException unmatched
                && !unmatched.getUnmatched().isEmpty()) {
            word = unmatched.getUnmatched().get(0);
            if (word.startsWith("-") && !parses(word)) {
                return Optional.empty();  // an unknown flag: picocli's line suggests one
            }
        } else if (e.getArgSpec() != null && e.getArgSpec().isPositional()
                && e.getValue() != null) {
            word = e.getValue();
        } else {
            return Optional.empty();
        }
        return refusal(word).map(refusal -> refusal + "; " + command.expected());
    }

    private static boolean parses(String word) {
        try {
            Float.parseFloat(word);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Why Cli's float converter refuses {@code word}, if it does. */
    private static Optional<String> refusal(String word) {
        try {
            Cli.finiteFloat(word);
            return Optional.empty();
        } catch (TypeConversionException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * One line for one example.
     *
     * @param answer the model's output after its head: y, P(class 1), or class probabilities
     */
    protected abstract String describe(float[] features, float[] answer, Manifest manifest);

    /** A number as typed: 4 rather than 4.0, 2.5 as 2.5. */
    public static String plain(float value) {
        return new BigDecimal(Float.toString(value)).stripTrailingZeros().toPlainString();
    }
}
