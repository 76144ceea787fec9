package org.linearmodels.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linearmodels.CommandResult;
import org.linearmodels.ExamLogisticCommand;
import org.linearmodels.LinearRegressionCommand;
import org.linearmodels.MnistLogistic;
import org.linearmodels.TrainedMnist;
import org.linearmodels.cli.ExitCode;
import org.linearmodels.engine.PyTorch;
import org.linearmodels.errors.DivergedException;
import org.linearmodels.model.Checkpoint;
import org.linearmodels.model.CheckpointFiles;
import org.linearmodels.model.Manifest;

class DivergenceTest {

    @TempDir
    Path temp;

    @Test
    void aLearningRateTooHighStopsTheRunWithTheEpochAndTheFix() {
        CommandResult run = CommandResult.run(new LinearRegressionCommand(), "--lr", "1",
                "--output-dir", temp.toString());
        assertEquals(ExitCode.DIVERGED.code(), run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        String line = run.errLines().get(0);
        assertTrue(line.matches("error: training diverged: the loss (became (NaN|Infinity)|rose"
                + " to \\S+) at epoch \\d+(, step \\d+)?[.,] .*lower --lr and run again\\..*"),
                line);
    }

    @Test
    void aFiniteBlowUpIsDivergenceToo() {
        // At lr 1e30 the fused loss stays finite and the weights reach 1e30; this saved them.
        CommandResult run = CommandResult.run(new ExamLogisticCommand(), "--lr", "1e30",
                "--output-dir", temp.toString());
        assertEquals(ExitCode.DIVERGED.code(), run.exitCode(), run.out());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.errLines().get(0).matches("error: training diverged: the loss rose to \\S+"
                + " at epoch \\d+, more than 10 times the \\S+ it started from\\. .*"),
                run.err());
        assertFalse(Files.exists(temp.resolve(Manifest.FILE_NAME)), "no checkpoint is saved");
    }

    @Test
    void theLossMayRiseUpToTenTimesItsStart() {
        Divergence.checkEpoch(22.9, 2.3, 3);
        Divergence.checkEpoch(0.5, Double.NaN, 1);
        DivergedException error = assertThrows(DivergedException.class,
                () -> Divergence.checkEpoch(23.1, 2.3, 3));
        assertTrue(error.getMessage().contains("rose to 23.10 at epoch 3, more than 10 times the"
                + " 2.300 it started from"), error.getMessage());
        assertThrows(DivergedException.class, () -> Divergence.checkEpoch(Double.NaN, 2.3, 3));
    }

    @Test
    void parametersThatAreNotFiniteAreNotSaved() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), PyTorch.NAME)) {
            NDArray finite = manager.create(new float[] {3e38f, -3e38f, 1f});
            Divergence.checkParameters(List.of(finite), 1);
            for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY}) {
                NDArray weights = manager.create(new float[] {1f, bad, 2f});
                DivergedException error = assertThrows(DivergedException.class,
                        () -> Divergence.checkParameters(List.of(finite, weights), 4));
                assertTrue(error.getMessage().contains("no longer finite numbers at epoch 4"),
                        error.getMessage());
            }
        }
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
        try (Checkpoint checkpoint = CheckpointFiles.load(dir, MnistLogistic.NAME, "",
                Device.cpu())) {
            assertEquals(1, checkpoint.manifest().epoch());
        }
    }
}
