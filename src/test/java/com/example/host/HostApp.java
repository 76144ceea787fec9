package com.example.host;

import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.DeferredTranslatorFactory;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.file.Path;
import java.util.Locale;
import org.linearmodels.LinearRegression;
import org.linearmodels.LinearRegressionCommand;
import org.linearmodels.cli.Cli;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A program of someone else's with the project's jar on its class path (HostAppTest runs it):
 * it loads a committed model with plain DJL, trains a tutorial, logs through its own
 * logback.xml, has an exit handler of its own and exits with a status of its own. Its handler
 * writes through C's stdio as well as Java's, as a host with native parts (an embedding Python,
 * a notebook kernel's native libraries) does: stdio's buffer reaches a file or pipe only when
 * exit() flushes it.
 */
public final class HostApp {

    /** The host's own exit status, which the library must not change. */
    public static final int STATUS = 42;
    public static final String HOOK_MARKER = "host's shutdown hook ran";
    public static final String STDIO_MARKER = "host's stdio was flushed at exit";

    private static final Logger logger = LoggerFactory.getLogger(HostApp.class);

    /** The host's native output: glibc's stdio. */
    public interface CStdio extends Library {
        int puts(String line);
    }

    private HostApp() {}

    /** Takes the folder to train into. */
    public static void main(String[] args) throws Exception {
        CStdio stdio = Native.load("c", CStdio.class);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println(HOOK_MARKER);
            stdio.puts(STDIO_MARKER);  // not flushed here: exit() is to flush it
        }));

        Criteria<float[], float[]> criteria = Criteria.builder()
                .setTypes(float[].class, float[].class)
                .optModelPath(Path.of("models", "linear-regression"))
                .optTranslatorFactory(new DeferredTranslatorFactory())
                .build();
        try (ZooModel<float[], float[]> model = criteria.loadModel();
                Predictor<float[], float[]> predictor = model.newPredictor()) {
            System.out.println(String.format(Locale.ROOT, "predicted y(4) = %.4f",
                    predictor.predict(new float[] {4f})[0]));
        }

        // T1's command run in-process, as the notebooks run it.
        int trained = Cli.execute(new LinearRegressionCommand(), "--epochs", "2",
                "--output-dir", args[0]);
        logger.info("LinearRegression exited with {}", trained);
        // T1 through its lesson class, seeded as the command is: the same weight and bias
        Engine.getInstance().setRandomSeed(0);
        float[] trainedBy = LinearRegression.tutorial();
        System.out.println(String.format(Locale.ROOT, "lesson: w = %.6f, b = %.6f",
                trainedBy[0], trainedBy[1]));

        System.exit(STATUS);
    }
}
