package org.linearmodels.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.linearmodels.ChildJvm;
import org.linearmodels.cli.Cli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * A command that loaded libtorch ends through {@link QuickExit}'s handler: with the status it
 * asked for, its output whole and its shutdown hooks run. A program that uses the library (this
 * test JVM is one) never gets the handler.
 */
class QuickExitTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(ints = {0, 7, 130})
    void theExitStatusOutputAndShutdownHooksSurvive(int status) throws Exception {
        ChildJvm.Exit exit = ChildJvm.run(temp, List.of(), LoadsAndExits.class,
                String.valueOf(status));
        assertEquals(status, exit.code(), String.join("\n", exit.err()));
        assertEquals("quick exit registered\nlast line\nshutdown hook ran\n", exit.out());
    }

    @Test
    void aProgramUsingTheLibraryKeepsItsExit() {
        PyTorch.engine();
        assertFalse(QuickExit.registered());
    }

    /** A command that loads libtorch, prints, and exits with the status given. */
    @Command(name = "loads-and-exits")
    public static final class LoadsAndExits implements Callable<Integer> {

        @Parameters
        int status;

        public static void main(String[] args) {
            Cli.run(new LoadsAndExits(), args);
        }

        @Override
        public Integer call() {
            PyTorch.engine();
            if (QuickExit.registered()) {
                System.out.print("quick exit registered\n");
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                System.out.print("shutdown hook ran\n");
                System.out.flush();
            }));
            System.out.print("last line\n");
            return status;
        }
    }
}
