package org.linearmodels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.linearmodels.cli.ExitCode;
import org.linearmodels.engine.PyTorch;
import org.linearmodels.model.EpochRecord;
import org.linearmodels.model.Manifest;
import org.linearmodels.train.TrainingChart;

class IrisLogisticTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"scratch", "trainer"})
    void itTrainsOnAThreadOtherThanTheOneThatStartedTheEngine(String mode) throws Exception {
        // libtorch's grad mode is per thread, and DJL turns it off only where the engine
        // started: the in-place updates of the scratch loop and of a from-scratch save failed on
        // any other thread (a web server's, a test timeout's) with "a leaf Variable that
        // requires grad is being used in an in-place operation".
        PyTorch.engine();
        CommandResult[] run = new CommandResult[1];
        Thread other = new Thread(() -> run[0] = CommandResult.run(new IrisLogisticCommand(),
                "--mode", mode, "--output-dir", temp.toString()));
        other.start();
        other.join();
        assertEquals(0, run[0].exitCode(), run[0].err());
        assertEquals(500, Manifest.read(temp.resolve(Manifest.FILE_NAME)).epoch());
    }

    @ParameterizedTest
    @ValueSource(strings = {"scratch", "trainer"})
    void theLossFallsAndAccuracyReachesNinetyFivePercent(String mode) throws IOException {
        CommandResult run = CommandResult.run(new IrisLogisticCommand(), "--mode", mode,
                "--log-every", "100", "--output-dir", temp.toString());
        assertEquals(0, run.exitCode(), run.err());
        Manifest manifest = Manifest.read(temp.resolve(Manifest.FILE_NAME));
        List<EpochRecord> history = manifest.history();
        assertEquals(500, history.size());
        assertTrue(history.get(499).trainLoss() < history.get(0).trainLoss(), run.out());
        assertTrue(history.get(499).trainAccuracy() >= 0.95, run.out());
        assertEquals(mode, manifest.options().get("mode"));
        Pictures.assertDrawn(temp.resolve(TrainingChart.FILE));

        CommandResult predicted = CommandResult.run(new IrisPredictor(), "--model-dir",
                temp.toString(), "5.1", "3.5", "1.4", "0.2", "7.0", "3.2", "4.7", "1.4");
        assertEquals(0, predicted.exitCode(), predicted.err());
        List<String> lines = predicted.out().lines().toList();
        assertTrue(lines.get(0).startsWith("5.1, 3.5, 1.4, 0.2: setosa ("), lines.get(0));
        assertTrue(lines.get(1).startsWith("7, 3.2, 4.7, 1.4: versicolor ("), lines.get(1));
    }

    @Test
    void fromScratchItMatchesPyTorchDrawForDraw() throws IOException {
        // PyTorch 1.13, torch.manual_seed(0), the tutorial's code: 2.1081 -> 1.5088, 0.05.
        CommandResult run = CommandResult.run(new IrisLogisticCommand(), "--seed", "0",
                "--log-every", "500", "--output-dir", temp.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Loss 2.1081 after epoch 1, 1.5088 after epoch 500;"
                + " accuracy on the 100 rows: 0.05"), run.out());
    }

    @Test
    void aCsvWithATextCellNamesTheLineAndColumn() throws IOException {
        Path csv = temp.resolve("iris.csv");
        Files.writeString(csv, "150,4,setosa,versicolor,virginica\n5.1,3.5,1.4,0.2,0\n"
                + "4.9,three,1.4,0.2,0\n");
        assertBadCsv(csv, csv + " line 3, column sepal_width: 'three' is not a number.");
    }

    @Test
    void aCsvWithMissingColumnsSaysWhichAreExpected() throws IOException {
        Path csv = temp.resolve("iris.csv");
        Files.writeString(csv, "header\n5.1,3.5,1.4,0\n");
        assertBadCsv(csv, csv + " line 2 has 4 columns, expected 5 (sepal_length, sepal_width,"
                + " petal_length, petal_width, class).");
    }

    @Test
    void anEmptyCsvIsRefused() throws IOException {
        Path csv = Files.createFile(temp.resolve("iris.csv"));
        assertBadCsv(csv, csv + " has no data rows; expected columns sepal_length, sepal_width,"
                + " petal_length, petal_width, class.");
    }

    @Test
    void aCsvOfOneClassIsRefused() throws IOException {
        Path csv = temp.resolve("iris.csv");
        Files.writeString(csv, "header\n5.1,3.5,1.4,0.2,0\n4.9,3.0,1.4,0.2,0\n");
        assertBadCsv(csv, csv + " holds only one class in its rows; a logistic regression needs"
                + " examples of both 0 and 1.");
    }

    @Test
    void aMissingCsvIsDataUnavailable() {
        Path csv = temp.resolve("nowhere.csv");
        CommandResult run = CommandResult.run(new IrisLogisticCommand(), "--csv", csv.toString(),
                "--output-dir", temp.resolve("model").toString());
        assertEquals(ExitCode.DATA_UNAVAILABLE.code(), run.exitCode());
        assertTrue(run.errLines().get(0).startsWith("error: " + csv + " cannot be read"),
                run.err());
    }

    private void assertBadCsv(Path csv, String message) {
        Path model = temp.resolve("model");
        CommandResult run = CommandResult.run(new IrisLogisticCommand(), "--csv", csv.toString(),
                "--output-dir", model.toString());
        assertEquals(ExitCode.DATA_CORRUPT.code(), run.exitCode());
        assertEquals(List.of("error: " + message), run.errLines());
        assertTrue(Files.notExists(model), "nothing is written");
    }
}
