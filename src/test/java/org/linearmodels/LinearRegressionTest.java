package org.linearmodels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linearmodels.cli.ExitCode;
import org.linearmodels.model.EpochRecord;
import org.linearmodels.model.Manifest;

class LinearRegressionTest {

    @TempDir
    Path temp;

    @Test
    void theDefaultRunLearnsWeightTwoAsPyTorchDoes() throws IOException {
        CommandResult run = CommandResult.run(new LinearRegressionCommand(), "--output-dir",
                temp.toString(), "--x", "4,-1.5");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Epoch 51/51: loss 0.0154"), run.out());
        Manifest manifest = Manifest.read(temp.resolve(Manifest.FILE_NAME));
        List<EpochRecord> history = manifest.history();
        assertEquals(51, history.size());
        assertTrue(history.get(50).trainLoss() < history.get(0).trainLoss());
        // PyTorch 1.13 seeded with 0: loss 0.0155, w 1.920, b 0.183, y(4) 7.86.
        assertEquals(0.0155, history.get(50).trainLoss(), 5e-4);
        assertTrue(run.out().contains("weight 1.9196"), run.out());
        assertTrue(run.out().contains("Prediction for x = 4: 7.861"), run.out());
        assertTrue(run.out().contains("Prediction for x = -1.5: "), run.out());
        Pictures.assertDrawn(temp.resolve(LinearRegressionCommand.CURVES_FILE));

        CommandResult predicted = CommandResult.run(new LinearPredictor(), "--model-dir",
                temp.toString(), "4");
        assertEquals(0, predicted.exitCode(), predicted.err());
        assertTrue(predicted.out().startsWith("x = 4: y = 7.861"), predicted.out());
    }

    @Test
    void adamAlsoTrainsIt() throws IOException {
        CommandResult run = CommandResult.run(new LinearRegressionCommand(), "--output-dir",
                temp.toString(), "--optimizer", "adam", "--lr", "0.1", "--epochs", "300");
        assertEquals(0, run.exitCode(), run.err());
        Manifest manifest = Manifest.read(temp.resolve(Manifest.FILE_NAME));
        assertTrue(manifest.history().get(299).trainLoss() < 0.01, run.out());
    }

    @Test
    void aBatchLargerThanTheDataIsAUsageError() {
        CommandResult run = CommandResult.run(new LinearRegressionCommand(), "--output-dir",
                temp.toString(), "--batch-size", "4");
        assertEquals(ExitCode.USAGE.code(), run.exitCode());
        assertEquals(List.of("error: --batch-size 4 is larger than the 3 training examples."
                + " Run LinearRegression --help for the flags."), run.errLines());
    }

    @Test
    void thePredictorWantsNumbers() throws IOException {
        CommandResult.run(new LinearRegressionCommand(), "--output-dir", temp.toString());
        CommandResult run = CommandResult.run(new LinearPredictor(), "--model-dir",
                temp.toString(), "four");
        assertEquals(ExitCode.USAGE.code(), run.exitCode());
        assertTrue(run.errLines().get(0).startsWith("error: 'four' is not a number"),
                run.err());
    }
}
