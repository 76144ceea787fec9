package org.linearmodels.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linearmodels.ChildJvm;
import org.linearmodels.cli.Cli;
import picocli.CommandLine.Command;

/**
 * The heap settings are a command's: made once in its process however often the engine is
 * asked for, and never in a program that uses the library (this test JVM is one).
 */
class NativeHeapTest {

    @TempDir
    Path temp;

    @Test
    void aProgramUsingTheLibraryKeepsGlibcsHeapSettings() {
        for (int i = 0; i < 1000; i++) {
            PyTorch.engine();
        }
        assertEquals(0, NativeHeap.timesApplied());
    }

    @Test
    void aCommandAppliesThemOnceHoweverOftenItAsksForTheEngine() throws Exception {
        ChildJvm.Exit exit = ChildJvm.run(temp, List.of(), AsksForTheEngine.class);
        assertEquals(0, exit.code(), String.join("\n", exit.err()));
        assertEquals("heap settings applied 1 time\n", exit.out());
    }

    /** A command, started as every command is, that asks for the engine a thousand times. */
    @Command(name = "asks-for-the-engine")
    public static final class AsksForTheEngine implements Callable<Integer> {

        public static void main(String[] args) {
            Cli.run(new AsksForTheEngine(), args);
        }

        @Override
        public Integer call() {
            for (int i = 0; i < 1000; i++) {
                PyTorch.engine();
            }
            NativeHeap.keepBuffersInHeap();
            System.out.println("heap settings applied " + NativeHeap.timesApplied() + " time");
            return 0;
        }
    }
}
