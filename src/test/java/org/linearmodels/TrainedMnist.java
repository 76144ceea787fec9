package org.linearmodels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One short MnistLogistic run shared by the tests that need a trained checkpoint: 5000 training
 * images, 3 epochs at lr 0.1 (the tutorial's lr 0.001 needs the full set and 5 epochs).
 */
public final class TrainedMnist {

    public static final String[] ARGS = {"--limit", "5000", "--epochs", "3", "--lr", "0.1"};
    private static final Pattern ACCURACY = Pattern.compile(
            "Accuracy of the model on the (\\d+) test images: (\\d+\\.\\d\\d) %");

    private static Path directory;
    private static CommandResult result;

    private TrainedMnist() {}

    /** The checkpoint directory of the shared run, training it on first use. */
    public static synchronized Path directory() throws IOException {
        if (directory == null) {
            Path dir = Files.createTempDirectory("trained-mnist");
            result = train(dir, ARGS);
            assertEquals(0, result.exitCode(), result.err());
            directory = dir;
        }
        return directory;
    }

    /** What the shared run printed. */
    public static synchronized CommandResult result() throws IOException {
        directory();
        return result;
    }

    /** Runs MnistLogistic into {@code outputDir} with {@code args}. */
    public static CommandResult train(Path outputDir, String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--output-dir";
        all[args.length + 1] = outputDir.toString();
        return CommandResult.run(new MnistLogisticCommand(), all);
    }

    /** The accuracy line a command printed, e.g. {@code ...: 87.20 %}. */
    public static Matcher accuracyLine(String output) {
        Matcher matcher = ACCURACY.matcher(output);
        if (!matcher.find()) {
            throw new AssertionError("no accuracy line in:\n" + output);
        }
        return matcher;
    }
}
