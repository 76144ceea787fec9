package org.linearmodels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/**
 * The commands of this module are those config/commands lists with "spark" beside them (./run
 * builds this module's class path for them), and each prints its help cleanly. The root's
 * HelpTest checks the rest, which its class path holds.
 */
class SparkCommandsTest {

    private static List<String> listed() throws Exception {
        return Files.readAllLines(Path.of("..", "config", "commands"), StandardCharsets.UTF_8)
                .stream().map(String::strip).filter(l -> l.endsWith(" spark"))
                .map(l -> l.substring(0, l.indexOf(' '))).sorted().toList();
    }

    @Test
    void theListNamesThisModulesCommands() throws Exception {
        List<String> commands;
        try (Stream<Path> files = Files.list(Path.of("target", "classes", "org",
                "linearmodels"))) {
            commands = files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".class") && !f.contains("$"))
                    .map(f -> f.substring(0, f.length() - ".class".length()))
                    .filter(SparkCommandsTest::isCommand).sorted().toList();
        }
        assertEquals(List.of("SparkPredict", "SparkTrain"), commands);
        assertEquals(commands, listed());
    }

    @Test
    void eachPrintsItsHelp() throws Exception {
        for (String name : listed()) {
            Object command = Class.forName("org.linearmodels." + name).getConstructor()
                    .newInstance();
            CommandRun run = CommandRun.of(command, "--help");
            assertEquals(0, run.code(), name);
            assertTrue(run.out().startsWith("Usage: " + name), run.out());
            assertTrue(run.out().contains("--master"), run.out());
            assertFalse(run.out().contains("%n"), run.out());
            assertEquals("", run.err(), name);
        }
    }

    private static boolean isCommand(String simpleName) {
        try {
            return Class.forName("org.linearmodels." + simpleName)
                    .isAnnotationPresent(Command.class);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
