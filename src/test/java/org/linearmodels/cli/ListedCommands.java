package org.linearmodels.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * The commands config/commands lists, as ./run runs them: the class org.linearmodels.NAME, whose
 * picocli command is that class, or for a tutorial's lesson, NAME + "Command".
 */
final class ListedCommands {

    static final String PACKAGE = "org.linearmodels.";
    /** What a lesson's command class adds to the lesson's name. */
    static final String LESSON_COMMAND = "Command";

    private ListedCommands() {}

    /**
     * The commands of this class path; a line that names a module second ("SparkPredict
     * spark") is a command of that Maven module, which tests its own.
     */
    static List<String> names() throws IOException {
        return Files.readAllLines(Path.of("config/commands"), StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .filter(l -> !l.contains(" ")).toList();
    }

    /** A new instance of the picocli command that {@code ./run NAME} runs. */
    static Object newCommand(String name) throws ReflectiveOperationException {
        Class<?> runs = Class.forName(PACKAGE + name);
        Class<?> command = runs.isAnnotationPresent(Command.class) ? runs
                : Class.forName(PACKAGE + name + LESSON_COMMAND);
        return command.getConstructor().newInstance();
    }
}
