package org.linearmodels.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.linearmodels.ChildJvm;

/**
 * A process that loaded libtorch ends through {@link QuickExit}'s handler: with the status it
 * asked for, its output whole and its shutdown hooks run.
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
        assertTrue(exit.out().endsWith("last line\nshutdown hook ran\n"), exit.out());
    }

    /** Loads libtorch, prints, and exits with the status given. */
    public static final class LoadsAndExits {
        public static void main(String[] args) {
            Engines.pytorch();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                System.out.print("shutdown hook ran\n");
                System.out.flush();
            }));
            System.out.print("last line\n");
            int status = Integer.parseInt(args[0]);
            if (status != 0) {
                System.exit(status);
            }
        }
    }
}
