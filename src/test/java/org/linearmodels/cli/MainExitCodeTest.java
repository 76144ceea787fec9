package org.linearmodels.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.linearmodels.MnistLogistic;
import org.linearmodels.MnistPredictor;
import org.linearmodels.TrainedMnist;

/** The real {@code main}s, in a child JVM: the exit code reaches the shell, one line on stderr. */
class MainExitCodeTest {

    private record Exit(int code, List<String> err) {}

    private static Exit runMain(Class<?> main, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "finished");
        return new Exit(process.exitValue(), err.lines().filter(l -> !l.isBlank()).toList());
    }

    @Test
    void aNonsenseFlagExitsWithTwo() throws Exception {
        Exit exit = runMain(MnistLogistic.class, "--epochs", "0");
        assertEquals(ExitCode.USAGE.code(), exit.code());
        assertEquals(List.of("error: --epochs must be at least 1, got 0. Run MnistLogistic --help"
                + " for the flags."), exit.err());
    }

    @Test
    void aMissingImageExitsWithFive() throws Exception {
        Exit exit = runMain(MnistPredictor.class, "--model-dir",
                TrainedMnist.directory().toString(), "no-such-digit.png");
        assertEquals(ExitCode.BAD_INPUT.code(), exit.code());
        assertEquals(1, exit.err().size(), exit.err().toString());
        assertTrue(exit.err().get(0).startsWith("error: no-such-digit.png cannot be read"),
                exit.err().toString());
    }
}
