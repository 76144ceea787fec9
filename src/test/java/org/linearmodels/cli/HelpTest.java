package org.linearmodels.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.linearmodels.ExamLogistic;
import org.linearmodels.ExamPredictor;
import org.linearmodels.FashionMnistSoftmax;
import org.linearmodels.FashionPredictor;
import org.linearmodels.FetchData;
import org.linearmodels.IrisLogistic;
import org.linearmodels.IrisPredictor;
import org.linearmodels.LinearPredictor;
import org.linearmodels.LinearRegression;
import org.linearmodels.MnistLogistic;
import org.linearmodels.MnistPredictor;
import org.linearmodels.PredictorBenchmark;

/**
 * Every command's {@code --help} renders cleanly: picocli reads descriptions as format strings,
 * so a bare "%" once printed a warning and the raw text instead of the help.
 */
class HelpTest {

    private static final List<Supplier<Object>> COMMANDS = List.of(LinearRegression::new,
            LinearPredictor::new, IrisLogistic::new, IrisPredictor::new, ExamLogistic::new,
            ExamPredictor::new, MnistLogistic::new, MnistPredictor::new, FashionMnistSoftmax::new,
            FashionPredictor::new, FetchData::new, PredictorBenchmark::new);

    @Test
    void everyCommandPrintsItsHelpWithoutWarnings() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        for (Supplier<Object> command : COMMANDS) {
            String name = command.get().getClass().getSimpleName();
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            ByteArrayOutputStream warned = new ByteArrayOutputStream();
            int code;
            try {
                System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
                System.setErr(new PrintStream(warned, true, StandardCharsets.UTF_8));
                code = Cli.execute(command.get(), "--help");
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
