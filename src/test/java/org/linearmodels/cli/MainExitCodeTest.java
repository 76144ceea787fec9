package org.linearmodels.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linearmodels.ChildJvm;
import org.linearmodels.MnistLogistic;
import org.linearmodels.MnistPredictor;
import org.linearmodels.TrainedMnist;

/** The real {@code main}s, in a child JVM: the exit code reaches the shell, one line on stderr. */
class MainExitCodeTest {

    @TempDir
    Path temp;

    @Test
    void aNonsenseFlagExitsWithTwo() throws Exception {
        ChildJvm.Exit exit = ChildJvm.run(temp, List.of(), MnistLogistic.class, "--epochs", "0");
        assertEquals(ExitCode.USAGE.code(), exit.code());
        assertEquals(List.of("error: --epochs must be at least 1, got 0. Run MnistLogistic --help"
                + " for the flags."), exit.err());
    }

    @Test
    void aMissingImageExitsWithFive() throws Exception {
        ChildJvm.Exit exit = ChildJvm.run(temp, List.of(), MnistPredictor.class, "--model-dir",
                TrainedMnist.directory().toString(), "no-such-digit.png");
        assertEquals(ExitCode.BAD_INPUT.code(), exit.code());
        assertEquals(1, exit.err().size(), exit.err().toString());
        assertTrue(exit.err().get(0).startsWith("error: no-such-digit.png cannot be read"),
                exit.err().toString());
    }
}
