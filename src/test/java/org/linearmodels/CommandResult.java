package org.linearmodels;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.linearmodels.cli.Cli;

/** A command run in this JVM through {@link Cli#execute}: its exit code and what it printed. */
public record CommandResult(int exitCode, String out, String err) {

    /** Runs {@code command} with {@code args}, capturing standard output and error. */
    public static synchronized CommandResult run(Object command, String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Cli.execute(command, args);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        CommandResult result = new CommandResult(code, out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
        originalOut.print(result.out());
        originalErr.print(result.err());
        return result;
    }

    /** The error output's lines, without blank ones. */
    public List<String> errLines() {
        return err.lines().filter(line -> !line.isBlank()).toList();
    }
}
