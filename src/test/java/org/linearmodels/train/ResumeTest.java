package org.linearmodels.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linearmodels.ChildJvm;
import org.linearmodels.CommandResult;
import org.linearmodels.MnistLogistic;
import org.linearmodels.TrainedMnist;
import org.linearmodels.io.HaltPoint;
import org.linearmodels.io.OutputDirectory;
import org.linearmodels.model.Checkpoint;
import org.linearmodels.model.CheckpointFiles;
import org.linearmodels.model.Manifest;

/**
 * A run stopped dead at each step of a checkpoint save (the JVM halted there, as kill -9 would,
 * through {@link HaltPoint}) leaves a loadable checkpoint, and --resume finishes it.
 */
class ResumeTest {

    /** Twelve quick epochs, every one of them saved. */
    private static final String[] RUN = {"--limit", "6000", "--lr", "0.05", "--epochs", "12"};

    @TempDir
    Path temp;

    /** Where each of the three runs halts, and the epoch its checkpoint must then hold. */
    private record Kill(String point, int epoch, int savedEpoch) {}

    @Test
    void aRunHaltedAtEachStepOfASaveResumesToTheUninterruptedResult() throws Exception {
        Path interrupted = temp.resolve("interrupted");
        List<Kill> kills = List.of(
                new Kill(HaltPoint.PARAMS_MOVED, 3, 2),      // new params beside the old manifest
                new Kill(HaltPoint.MANIFEST_WRITTEN, 5, 5),  // the old params not yet deleted
                new Kill(HaltPoint.SAVE_START, 8, 7));       // an epoch trained, nothing saved
        for (int i = 0; i < kills.size(); i++) {
            Kill kill = kills.get(i);
            String[] args = i == 0 ? RUN : withResume(RUN);
            ChildJvm.Exit child = ChildJvm.run(temp.resolve("child-" + i),
                    List.of("-D" + HaltPoint.PROPERTY + "=" + kill.point() + "@" + kill.epoch()),
                    MnistLogistic.class, withOutput(args, interrupted));
            assertEquals(HaltPoint.STATUS, child.code(), "halted at " + kill + ": " + child.err());
            try (Checkpoint checkpoint = CheckpointFiles.load(interrupted, MnistLogistic.NAME, "",
                    Device.cpu())) {
                assertEquals(kill.savedEpoch(), checkpoint.manifest().epoch(), kill.toString());
                assertEquals(checkpoint.manifest().epoch(), checkpoint.manifest().history().size());
            }
        }
        CommandResult resumed = TrainedMnist.train(interrupted, withResume(RUN));
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("Resuming from epoch 7 of 12"), resumed.out());

        Path straight = temp.resolve("straight");
        CommandResult uninterrupted = TrainedMnist.train(straight, RUN);
        assertEquals(0, uninterrupted.exitCode(), uninterrupted.err());
        Manifest a = Manifest.read(interrupted.resolve(Manifest.FILE_NAME));
        Manifest b = Manifest.read(straight.resolve(Manifest.FILE_NAME));
        assertEquals(12, a.epoch());
        assertEquals(b.paramsSha256(), a.paramsSha256(), "the same parameters, bit for bit");
        assertEquals(b.figures(), a.figures());
        assertEquals(TrainedMnist.accuracyLine(uninterrupted.out()).group(),
                TrainedMnist.accuracyLine(resumed.out()).group());
    }

    @Test
    void resumingWithNoCheckpointSaysHowToStartOne() {
        CommandResult run = TrainedMnist.train(temp.resolve("empty"), withResume(RUN));
        assertEquals(6, run.exitCode());
        assertTrue(run.errLines().get(0).contains("run without --resume to start one"),
                run.err());
    }

    private static String[] withResume(String[] args) {
        String[] all = Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--resume";
        return all;
    }

    private static String[] withOutput(String[] args, Path dir) {
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--output-dir";
        all[args.length + 1] = dir.toString();
        return all;
    }

    @Test
    void leftoversOfAKilledSaveAreIgnoredAndCleared() throws IOException {
        Path dir = TrainedMnist.directory();
        Path copy = temp.resolve("copy");
        Files.createDirectories(copy);
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        Files.createDirectories(copy.resolve(".saving-123"));
        Files.writeString(copy.resolve(".saving-123/mnist-logistic-0004.params"), "half");
        Files.writeString(copy.resolve("mnist-logistic-0004.params"), "orphan of a killed save");
        try (Checkpoint checkpoint = CheckpointFiles.load(copy, MnistLogistic.NAME, "",
                Device.cpu())) {
            assertEquals(3, checkpoint.manifest().epoch(), "the manifest's epoch is loaded");
        }
        CommandResult resumed = TrainedMnist.train(copy, "--limit", "5000", "--epochs", "4",
                "--lr", "0.1", "--resume");
        assertEquals(0, resumed.exitCode(), resumed.err());
        try (var files = Files.list(copy)) {
            assertEquals(List.of(OutputDirectory.LOCK_FILE, "manifest.json",
                    "mnist-logistic-0004.params", "serving.properties", "training.png"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
