package org.linearmodels.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linearmodels.ChildJvm;
import org.linearmodels.CommandResult;
import org.linearmodels.MnistLogistic;
import org.linearmodels.TrainedMnist;
import org.linearmodels.model.Checkpoint;
import org.linearmodels.model.Checkpoints;
import org.linearmodels.model.Manifest;

/** kill -9 at random moments of a run leaves a loadable checkpoint, and --resume finishes it. */
class ResumeTest {

    /** Long enough (about a second of training) that the kills land mid-run. */
    private static final String[] RUN = {"--limit", "6000", "--lr", "0.05", "--epochs", "40"};

    @TempDir
    Path temp;

    @Test
    void aRunKilledAtRandomMomentsResumesToTheUninterruptedResult() throws Exception {
        Path interrupted = temp.resolve("interrupted");
        Random random = new Random(42);
        for (int kill = 0; kill < 3; kill++) {
            String[] args = kill == 0 ? RUN : withResume(RUN);
            Process child = ChildJvm.start(temp.resolve("child-" + kill), List.of(),
                    MnistLogistic.class, withOutput(args, interrupted));
            int previous = savedEpoch(interrupted);
            waitForEpochAfter(interrupted, previous, child);
            Thread.sleep(random.nextInt(60));
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, child.exitValue(), "killed by SIGKILL");
            try (Checkpoint checkpoint = Checkpoints.load(interrupted, MnistLogistic.NAME, "",
                    Device.cpu())) {
                assertTrue(checkpoint.manifest().epoch() > previous, "progress was kept");
                assertEquals(checkpoint.manifest().epoch(), checkpoint.manifest().history().size());
            }
        }
        CommandResult resumed = TrainedMnist.train(interrupted, withResume(RUN));
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("Resuming from epoch "), resumed.out());

        Path straight = temp.resolve("straight");
        CommandResult uninterrupted = TrainedMnist.train(straight, RUN);
        assertEquals(0, uninterrupted.exitCode(), uninterrupted.err());
        Manifest a = Manifest.read(interrupted.resolve(Manifest.FILE_NAME));
        Manifest b = Manifest.read(straight.resolve(Manifest.FILE_NAME));
        assertEquals(40, a.epoch());
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

    /** The epoch of the checkpoint in {@code dir}, 0 when there is none. */
    private static int savedEpoch(Path dir) {
        try {
            return Manifest.read(dir.resolve(Manifest.FILE_NAME)).epoch();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static void waitForEpochAfter(Path dir, int epoch, Process child)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (savedEpoch(dir) <= epoch) {
            assertTrue(child.isAlive(), "the child died before saving an epoch");
            assertTrue(System.nanoTime() < deadline, "no epoch saved in two minutes");
            Thread.sleep(20);
        }
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
        try (Checkpoint checkpoint = Checkpoints.load(copy, MnistLogistic.NAME, "", Device.cpu())) {
            assertEquals(3, checkpoint.manifest().epoch(), "the manifest's epoch is loaded");
        }
        CommandResult resumed = TrainedMnist.train(copy, "--limit", "5000", "--epochs", "4",
                "--lr", "0.1", "--resume");
        assertEquals(0, resumed.exitCode(), resumed.err());
        try (var files = Files.list(copy)) {
            assertEquals(List.of("manifest.json", "mnist-logistic-0004.params",
                    "serving.properties", "training.png"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
