package org.linearmodels.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linearmodels.CommandResult;
import org.linearmodels.LinearRegression;
import org.linearmodels.MnistLogistic;
import org.linearmodels.TrainedMnist;
import org.linearmodels.errors.ExitCode;
import org.linearmodels.model.Checkpoint;
import org.linearmodels.model.Checkpoints;

class DivergenceTest {

    @TempDir
    Path temp;

    @Test
    void aLearningRateTooHighStopsTheRunWithTheEpochAndTheFix() {
        CommandResult run = CommandResult.run(new LinearRegression(), "--lr", "1",
                "--output-dir", temp.toString());
        assertEquals(ExitCode.DIVERGED.code(), run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        String line = run.errLines().get(0);
        assertTrue(line.matches("error: training diverged: the loss became (NaN|Infinity) at"
                + " epoch \\d+(, step \\d+)?\\. .*lower --lr and run again\\..*"), line);
    }

    @Test
    void theLastGoodCheckpointStaysLoadable() throws Exception {
        Path dir = temp.resolve("model");
        CommandResult good = TrainedMnist.train(dir, "--limit", "2000", "--epochs", "1",
                "--lr", "0.1");
        assertEquals(0, good.exitCode(), good.err());
        CommandResult diverged = TrainedMnist.train(dir, "--limit", "2000", "--epochs", "3",
                "--lr", "1e38", "--resume");
        assertEquals(ExitCode.DIVERGED.code(), diverged.exitCode(), diverged.out());
        assertTrue(diverged.errLines().get(0).contains("at epoch 2, step "), diverged.err());
        try (Checkpoint checkpoint = Checkpoints.load(dir, MnistLogistic.NAME, "", Device.cpu())) {
            assertEquals(1, checkpoint.manifest().epoch());
        }
    }
}
