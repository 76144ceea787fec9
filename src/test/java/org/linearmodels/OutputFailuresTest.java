package org.linearmodels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.linearmodels.cli.ExitCode;
import org.linearmodels.io.OutputDirectory;
import org.linearmodels.model.Manifest;

/**
 * Outputs that cannot be written (issue 11, classes 1 and 7): refused before the long work with
 * exit code 9 and one line, or, when a write fails later, the same, with the previous
 * checkpoint whole; and a second run into a directory in use refused at once.
 */
class OutputFailuresTest {

    @TempDir
    Path temp;

    /** Each trainer with flags that keep it short where it trains (the unfixed code did). */
    static Stream<Arguments> trainers() {
        return Stream.of(
                Arguments.of((Supplier<Object>) LinearRegressionCommand::new,
                        List.of("--epochs", "2")),
                Arguments.of((Supplier<Object>) IrisLogisticCommand::new, List.of("--epochs", "2")),
                Arguments.of((Supplier<Object>) ExamLogisticCommand::new, List.of("--epochs", "2")),
                Arguments.of((Supplier<Object>) MnistLogisticCommand::new,
                        List.of("--epochs", "1", "--limit", "500")),
                Arguments.of((Supplier<Object>) FashionMnistSoftmaxCommand::new,
                        List.of("--epochs", "1", "--limit", "500")));
    }

    private static CommandResult run(Object command, List<String> flags, String... more) {
        return CommandResult.run(command, Stream.concat(flags.stream(), Stream.of(more))
                .toArray(String[]::new));
    }

    @ParameterizedTest
    @MethodSource("trainers")
    void everyTrainerRefusesAnOutputDirItCannotCreateBeforeTraining(Supplier<Object> trainer,
            List<String> flags) throws IOException {
        Path file = Files.writeString(temp.resolve("a-file"), "not a directory");
        Path out = file.resolve("model");
        CommandResult run = run(trainer.get(), flags, "--output-dir", out.toString());
        assertEquals(ExitCode.OUTPUT.code(), run.exitCode(), run.err());
        assertEquals(List.of("error: cannot create " + out + ": " + file + " is a"
                + " file, not a directory. Choose another --output-dir."), run.errLines());
        assertEquals("", run.out(), "nothing was trained");
    }

    @Test
    void aDiskThatFillsDuringTheSaveKeepsThePreviousCheckpoint() throws Exception {
        try (TinyDisk disk = TinyDisk.mount(temp.resolve("disk"), "size=1m")) {
            Path out = disk.path().resolve("model");
            CommandResult first = CommandResult.run(new LinearRegressionCommand(), "--epochs", "2",
                    "--output-dir", out.toString());
            assertEquals(0, first.exitCode(), first.err());
            fillLeavingOneBlock(disk.path());

            // The check before training passes (a block is free); the save after it does not.
            CommandResult second = CommandResult.run(new LinearRegressionCommand(), "--epochs", "3",
                    "--output-dir", out.toString());
            assertEquals(ExitCode.OUTPUT.code(), second.exitCode(), second.err());
            assertEquals(List.of("error: cannot write " + out + ": No space left on device. The"
                    + " checkpoint saved there before, if any, is intact; make room or choose"
                    + " another --output-dir."), second.errLines());
            assertTrue(second.out().contains("Epoch 3/3"), "it trained before it saved");
            assertEquals(2, Manifest.read(out.resolve(Manifest.FILE_NAME)).epoch());
            CommandResult predicted = CommandResult.run(new LinearPredictor(), "--model-dir",
                    out.toString(), "4");
            assertEquals(0, predicted.exitCode(), predicted.err());
            try (Stream<Path> files = Files.list(out)) {
                assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith(".saving")),
                        "the half-written save is cleared");
            }
        }
    }

    /** Fills the disk under {@code root}, then frees one block: room for the check alone. */
    private static void fillLeavingOneBlock(Path root) throws IOException {
        long block = Files.getFileStore(root).getBlockSize();
        Path filler = root.resolve("filler");
        try (FileChannel channel = FileChannel.open(filler, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            try {
                while (true) {
                    channel.write(ByteBuffer.allocate((int) block));
                }
            } catch (IOException full) {
                channel.truncate(channel.size() / block * block - block);
            }
        }
    }

    @Test
    void aSecondRunIntoTheSameOutputDirIsRefusedAtOnce() throws Exception {
        Path out = temp.resolve("shared");
        try (OutputDirectory held = OutputDirectory.claim(out, "--output-dir")) {
            ChildJvm.Exit second = ChildJvm.run(temp.resolve("second"), List.of(),
                    LinearRegression.class, "--output-dir", out.toString());
            assertEquals(ExitCode.OUTPUT.code(), second.code(), String.join("\n", second.err()));
            assertEquals(List.of("error: " + out + " is in use by another run (pid "
                    + ProcessHandle.current().pid() + "); wait for it or choose another"
                    + " --output-dir."), second.err());
            assertEquals("", second.out());
        }
        CommandResult after = CommandResult.run(new LinearRegressionCommand(), "--epochs", "2",
                "--output-dir", out.toString());
        assertEquals(0, after.exitCode(), after.err());
    }

    @Test
    void aDataCacheThatCannotBeWrittenIsRefusedBeforeTheDownload() throws IOException {
        Path file = Files.writeString(temp.resolve("a-file"), "not a directory");
        Path cache = file.resolve("cache");
        CommandResult run = CommandResult.run(new FetchData(), "mnist", "--data-dir",
                cache.toString());
        assertEquals(ExitCode.OUTPUT.code(), run.exitCode(), run.err());
        assertEquals(List.of("error: --data-dir " + cache + " is not a directory (" + file
                + " is a file); give the directory data sets are cached in."), run.errLines());
    }

    @Test
    void theBenchmarksJsonIsCheckedBeforeTheBenchmark() throws IOException {
        Path file = Files.writeString(temp.resolve("a-file"), "not a directory");
        Path json = file.resolve("figures.json");
        CommandResult run = CommandResult.run(new PredictorBenchmark(), "--calls", "10",
                "--batches", "1", "--json", json.toString());
        assertEquals(ExitCode.OUTPUT.code(), run.exitCode(), run.err());
        assertEquals(List.of("error: cannot write in " + file + ": it is a file, not a"
                + " directory. Choose another --json."), run.errLines());
        assertEquals("", run.out(), "nothing was timed");
    }
}
