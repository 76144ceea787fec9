package org.linearmodels.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.linearmodels.engine.PyTorch;
import org.linearmodels.errors.BadInputException;
import org.linearmodels.errors.CheckpointException;
import org.linearmodels.errors.CorruptDataException;
import org.linearmodels.errors.DataUnavailableException;
import org.linearmodels.errors.DeviceException;
import org.linearmodels.errors.DivergedException;
import org.linearmodels.errors.LinearModelsException;
import org.linearmodels.errors.OutputException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Runs a picocli command the way every command here behaves: a bad flag or a
 * {@link LinearModelsException} prints one line naming the input and the fix, then exits with
 * the {@link ExitCode} of its kind; a stack trace appears only with {@code --verbose}.
 */
public final class Cli {

    /** Each kind of failure's exit code; a subclass (a blank picture, say) takes its parent's. */
    private static final Map<Class<? extends Exception>, ExitCode> EXIT_CODES = Map.of(
            ParameterException.class, ExitCode.USAGE,
            UsageException.class, ExitCode.USAGE,
            DataUnavailableException.class, ExitCode.DATA_UNAVAILABLE,
            CorruptDataException.class, ExitCode.DATA_CORRUPT,
            BadInputException.class, ExitCode.BAD_INPUT,
            CheckpointException.class, ExitCode.CHECKPOINT,
            DivergedException.class, ExitCode.DIVERGED,
            DeviceException.class, ExitCode.DEVICE,
            OutputException.class, ExitCode.OUTPUT);

    private Cli() {}

    /** The exit code of a command that failed with {@code e}: INTERNAL for anything unforeseen. */
    static ExitCode exitCode(Throwable e) {
        for (Class<?> type = e.getClass(); type != null; type = type.getSuperclass()) {
            ExitCode code = EXIT_CODES.get(type);
            if (code != null) {
                return code;
            }
        }
        return ExitCode.INTERNAL;
    }

    /** The README's way to run a command through Maven, e.g. to train a missing model. */
    public static String command(Class<?> command) {
        return "./mvnw -q compile exec:java -Dexec.mainClass=" + command.getName();
    }

    /**
     * The commands' entry, which their {@code main} methods call: sets up the commands' logs
     * ({@link ConsoleLogs}) and lets the engine tune the process for the run (heap, quick exit;
     * {@link PyTorch#tuneProcessForCommand}), runs the command and exits the JVM with its exit
     * code: a process started to run a command is the command's to tune.
     */
    public static void run(Object command, String... args) {
        ConsoleLogs.install();
        PyTorch.tuneProcessForCommand();
        System.exit(execute(command, args));
    }

    /**
     * Runs the command and returns its exit code, leaving the process's heap and exit as they
     * are, and its logging unless --verbose: tests and notebooks call this, in a JVM of theirs.
     */
    public static int execute(Object command, String... args) {
        CommandLine commandLine = new CommandLine(command);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setUsageHelpLongOptionsMaxWidth(30);
        commandLine.registerConverter(Float.class, Cli::finiteFloat);
        commandLine.registerConverter(Float.TYPE, Cli::finiteFloat);
        commandLine.setParameterExceptionHandler(Cli::onBadFlag);
        commandLine.setExecutionExceptionHandler(Cli::onFailure);
        commandLine.setExecutionStrategy(
                parseResult -> {
                    if (isVerbose(parseResult)) {
                        ConsoleLogs.verbose();
                    }
                    return new CommandLine.RunLast().execute(parseResult);
                });
        try {
            return commandLine.execute(args);
        } finally {
            release(commandLine.getCommandSpec());
        }
    }

    /**
     * Closes what the command's flag groups hold for its run (e.g. {@link TrainingOptions}'s
     * lock on --output-dir): the process's end would too, but tests run commands in one JVM.
     */
    private static void release(CommandSpec spec) {
        for (CommandSpec mixin : spec.mixins().values()) {
            if (mixin.userObject() instanceof TrainingOptions options) {
                options.close();
            }
        }
    }

    /**
     * Every float a command takes, checked as it is parsed, before any work: NaN, infinities
     * and numbers that float32 turns into an infinity or a zero are refused, quoting what the
     * user typed (1e308 is not echoed as "Infinity").
     */
    static Float finiteFloat(String text) {
        float value;
        try {
            value = Float.parseFloat(text);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is not a number");
        }
        if (Float.isNaN(value)) {
            throw new TypeConversionException("'" + text + "' is not a number");
        }
        if (Float.isInfinite(value)) {
            throw new TypeConversionException("'" + text + "' is not a finite number in float"
                    + " range (±3.4e38)");
        }
        if (value == 0 && isNonZero(text)) {
            throw new TypeConversionException("'" + text + "' is too small for a float (it"
                    + " would be 0)");
        }
        return value;
    }

    private static boolean isNonZero(String text) {
        try {
            return new BigDecimal(text.strip()).signum() != 0;
        } catch (NumberFormatException e) {
            return false;  // hexadecimal or with a type suffix: Java's own syntax, taken as is
        }
    }

    /** What the user typed for {@code option}, to quote in an error; else {@code parsed}. */
    public static String typed(CommandSpec spec, String option, Object parsed) {
        ParseResult result = spec.commandLine().getParseResult();
        OptionSpec matched = result == null ? null : result.matchedOption(option);
        return matched == null || matched.originalStringValues().isEmpty()
                ? String.valueOf(parsed)
                : matched.originalStringValues().get(matched.originalStringValues().size() - 1);
    }

    private static int onBadFlag(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        Optional<String> badNumber = FeaturePredictorCommand.badNumber(e);
        StringBuilder line = new StringBuilder("error: ").append(badNumber.orElseGet(() ->
                TypedNames.inMessage(firstLine(e.getMessage()), commandLine.getCommandSpec(),
                        args)));
        if (e instanceof UnmatchedArgumentException unmatched && badNumber.isEmpty()) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                line.append(" (did you mean ").append(String.join(" or ", suggestions))
                        .append("?)");
            }
        }
        line.append(". Run ").append(commandLine.getCommandName()).append(" --help for the flags.");
        PrintWriter err = commandLine.getErr();
        err.println(line);
        err.flush();
        return exitCode(e).code();
    }

    private static int onFailure(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        boolean verbose = isVerbose(parseResult);
        ExitCode code = exitCode(e);
        if (e instanceof ParameterException bad) {
            // Flags that parse but fail a command's own check (e.g. --epochs 0) land here.
            err.println("error: " + firstLine(bad.getMessage()) + ". Run "
                    + commandLine.getCommandName() + " --help for the flags.");
        } else if (code != ExitCode.INTERNAL) {
            err.println("error: " + e.getMessage());
        } else {
            err.println(String.format(Locale.ROOT, "error: unexpected %s: %s%s",
                    e.getClass().getSimpleName(), firstLine(String.valueOf(e.getMessage())),
                    verbose ? "" : " (rerun with --verbose for the stack trace)"));
        }
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return code.code();
    }

    private static boolean isVerbose(ParseResult parseResult) {
        ParseResult leaf = parseResult;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        return leaf.hasMatchedOption("--verbose") || parseResult.hasMatchedOption("--verbose");
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
