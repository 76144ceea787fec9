package org.linearmodels;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.linearmodels.cli.Cli;

/** A command run in this JVM, as a notebook would: its exit code and what it printed. */
record CommandRun(int code, String out, String err) {

    static CommandRun of(Object command, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ByteArrayOutputStream warned = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(warned, true, StandardCharsets.UTF_8));
            code = Cli.execute(command, args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new CommandRun(code, printed.toString(StandardCharsets.UTF_8),
                warned.toString(StandardCharsets.UTF_8));
    }
}
