package org.linearmodels.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/**
 * Every command's {@code --help} renders cleanly: picocli reads descriptions as format strings,
 * so a bare "%" once printed a warning and the raw text instead of the help. The commands are
 * those of config/commands, the list ./run reads, which must name every command and only them.
 */
class HelpTest {

    private static final String PACKAGE = ListedCommands.PACKAGE;
    private static final String LESSON_COMMAND = ListedCommands.LESSON_COMMAND;

    private static List<String> listed() throws IOException {
        return ListedCommands.names();
    }

    @Test
    void theListNamesEveryCommandAndNothingElse() throws Exception {
        Path classes = Path.of(HelpTest.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI()).resolveSibling("classes").resolve("org/linearmodels");
        List<String> commands;
        try (Stream<Path> files = Files.list(classes)) {
            commands = files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".class") && !f.contains("$"))
                    .map(f -> f.substring(0, f.length() - ".class".length()))
                    .filter(HelpTest::isCommand)
                    .map(c -> c.endsWith(LESSON_COMMAND) ? c.substring(0,
                            c.length() - LESSON_COMMAND.length()) : c)
                    .sorted().toList();
        }
        assertEquals(commands, listed().stream().sorted().toList());
    }

    private static boolean isCommand(String simpleName) {
        try {
            return Class.forName(PACKAGE + simpleName).isAnnotationPresent(Command.class);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyCommandPrintsItsHelpWithoutWarnings() throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        for (String name : listed()) {
            Object command = ListedCommands.newCommand(name);
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            ByteArrayOutputStream warned = new ByteArrayOutputStream();
            int code;
            try {
                System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
                System.setErr(new PrintStream(warned, true, StandardCharsets.UTF_8));
                code = Cli.execute(command, "--help");
            } finally {
                System.setOut(out);
                System.setErr(err);
            }
            String help = printed.toString(StandardCharsets.UTF_8);
            assertEquals(0, code, name);
            assertTrue(help.startsWith("Usage: " + name), help);
            assertTrue(help.contains("--version"), help);
            assertFalse(help.contains("%n"), help);
            assertEquals("", warned.toString(StandardCharsets.UTF_8), name);
        }
    }
}
