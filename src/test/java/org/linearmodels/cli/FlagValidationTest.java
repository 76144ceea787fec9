package org.linearmodels.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linearmodels.CommandResult;
import org.linearmodels.ExamPredictor;
import org.linearmodels.LinearPredictor;
import org.linearmodels.LinearRegressionCommand;
import org.linearmodels.MnistPredictor;
import org.linearmodels.PredictorBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Numeric flags are refused as they are parsed, before any data is read or any training runs,
 * with exit code 2 and one line quoting what was typed.
 */
class FlagValidationTest {

    private static final List<String> NOT_FINITE = List.of("NaN", "1e308", "-Infinity", "1e-60");

    @TempDir
    Path temp;

    private static boolean takesFloats(ArgSpec arg) {
        Class<?> type = arg.type();
        Class<?>[] elements = arg.auxiliaryTypes();
        return type == float.class || type == Float.class
                || (List.class.isAssignableFrom(type) && elements.length == 1
                        && elements[0] == Float.class);
    }

    /** Each float of each command of config/commands, given NaN, too large or too small. */
    @Test
    void everyFloatOfEveryCommandRefusesWhatFloat32CannotHoldQuotingIt() throws Exception {
        List<String> commands = ListedCommands.names();
        List<String> checked = new ArrayList<>();
        for (String name : commands) {
            CommandLine parsed = new CommandLine(ListedCommands.newCommand(name));
            for (ArgSpec arg : parsed.getCommandSpec().args()) {
                if (!takesFloats(arg)) {
                    continue;
                }
                for (String value : NOT_FINITE) {
                    List<String> given = arg instanceof OptionSpec option
                            ? new ArrayList<>(List.of(option.longestName(), value))
                            : new ArrayList<>(List.of(value));
                    if (parsed.getCommandSpec().findOption("--output-dir") != null) {
                        given.addAll(List.of("--output-dir", temp.toString()));
                    }
                    String[] args = given.toArray(String[]::new);
                    CommandResult run = CommandResult.run(ListedCommands.newCommand(name), args);
                    String where = name + " " + String.join(" ", args);
                    assertEquals(ExitCode.USAGE.code(), run.exitCode(), where + ": " + run.err());
                    assertEquals(1, run.errLines().size(), where + ": " + run.err());
                    assertTrue(run.errLines().get(0).contains("'" + value + "'"),
                            where + ": " + run.err());
                }
                checked.add(name + " " + arg.paramLabel());
            }
        }
        // --lr and --momentum of five trainers, --hand-lr, --x, and the three predictors' numbers
        assertEquals(15, checked.size(), checked.toString());
    }

    @Test
    void aRangeErrorQuotesTheNumberAsTyped() {
        CommandResult run = CommandResult.run(new LinearRegressionCommand(), "--lr", "-5",
                "--output-dir", temp.toString());
        assertEquals(ExitCode.USAGE.code(), run.exitCode());
        assertEquals(List.of("error: --lr must be a positive number, got -5. Run"
                + " LinearRegression --help for the flags."), run.errLines());
    }

    /** Picocli itself names an option by its longest name; --lr is --lr in every error. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--lr abc              | Invalid value for option '--lr': 'abc' is not a number",
        "--lr                  | Missing required parameter for option '--lr' (RATE)",
        "--learning-rate -5    | --learning-rate must be a positive number, got -5",
        "--learning-rate=1e308 | Invalid value for option '--learning-rate': '1e308' is not a"
                + " finite number",
    })
    void aFlagIsNamedAsTypedNotByAnotherOfItsNames(String flags, String message) {
        List<String> args = new ArrayList<>(List.of("--output-dir", temp.toString()));
        args.addAll(List.of(flags.split(" ")));
        CommandResult run = CommandResult.run(new LinearRegressionCommand(),
                args.toArray(String[]::new));
        assertEquals(ExitCode.USAGE.code(), run.exitCode(), run.err());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.errLines().get(0).startsWith("error: " + message), run.err());
    }

    /** Picocli stops taking numbers at a word it cannot convert and calls it unmatched. */
    @Test
    void aWordAmongAPredictorsNumbersIsNamedWhereverItStands() {
        for (List<String> args : List.of(List.of("four", "5"), List.of("4", "four"),
                List.of("4", "5", "four", "6"))) {
            CommandResult run = CommandResult.run(new LinearPredictor(),
                    args.toArray(String[]::new));
            assertEquals(ExitCode.USAGE.code(), run.exitCode(), args + ": " + run.err());
            assertEquals(List.of("error: 'four' is not a number; give 1 number per example"
                    + " (x). Run LinearPredictor --help for the flags."), run.errLines(),
                    args::toString);
        }
        CommandResult run = CommandResult.run(new ExamPredictor(), "45", "85", "80", "1e308");
        assertEquals(ExitCode.USAGE.code(), run.exitCode(), run.err());
        assertEquals(List.of("error: '1e308' is not a finite number in float range (±3.4e38);"
                + " give 2 numbers per example (exam 1 score, exam 2 score). Run ExamPredictor"
                + " --help for the flags."), run.errLines());
    }

    @Test
    void benchmarkCountsBelowOneAreRefusedBeforeAnythingLoads() {
        CommandResult run = CommandResult.run(new PredictorBenchmark(), "--calls", "0",
                "--data-dir", temp.resolve("no-data").toString());
        assertEquals(ExitCode.USAGE.code(), run.exitCode(), run.err());
        assertEquals(List.of("error: --calls, --batch and --batches must be at least 1, got 0,"
                + " 1000 and 50. Run PredictorBenchmark --help for the flags."), run.errLines());
    }

    @Test
    void aDataDirThatIsAFileIsNotCalledAFailedDownload() throws IOException {
        Path file = Files.writeString(temp.resolve("file"), "x");
        CommandResult run = CommandResult.run(new MnistPredictor(), "--data-dir",
                file.toString());
        assertEquals(ExitCode.OUTPUT.code(), run.exitCode(), run.err());
        assertEquals(List.of("error: --data-dir " + file + " is not a directory; give the"
                + " directory data sets are cached in."), run.errLines());
    }
}
