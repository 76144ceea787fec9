package org.linearmodels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linearmodels.cli.ExitCode;
import org.linearmodels.data.IdxFile;
import org.linearmodels.data.ImageDataset;
import org.linearmodels.model.Manifest;
import org.linearmodels.predict.PrintedDigits;
import org.linearmodels.train.TrainingChart;

class MnistLogisticTest {

    @TempDir
    Path temp;

    @Test
    void aShortRunBeatsEightyPercentAndLeavesCheckpointChartAndManifest() throws IOException {
        Path dir = TrainedMnist.directory();
        CommandResult run = TrainedMnist.result();
        Matcher accuracy = TrainedMnist.accuracyLine(run.out());
        assertEquals("10000", accuracy.group(1));
        double percent = Double.parseDouble(accuracy.group(2));
        assertTrue(percent > 80, "test accuracy " + percent + " % should beat 80 %");

        assertTrue(run.out().contains("Epoch [3/3], Step [50/50], Loss: "), run.out());
        Manifest manifest = Manifest.read(dir.resolve(Manifest.FILE_NAME));
        assertEquals(MnistLogistic.NAME, manifest.name());
        assertEquals(3, manifest.epoch());
        assertEquals(3, manifest.history().size());
        assertEquals(5000, manifest.data().trainExamples());
        assertEquals(percent, 100 * manifest.figures().get("testAccuracy"), 0.005);
        assertTrue(Files.isRegularFile(dir.resolve(manifest.paramsFile())));
        BufferedImage chart = ImageIO.read(dir.resolve(TrainingChart.FILE).toFile());
        assertTrue(chart.getWidth() > 100 && chart.getHeight() > 100);
    }

    @Test
    void theSameSeedGivesTheSameNumbersAndAnotherSeedOthers() throws IOException {
        Manifest first = Manifest.read(TrainedMnist.directory().resolve(Manifest.FILE_NAME));
        CommandResult again = TrainedMnist.train(temp.resolve("same"), TrainedMnist.ARGS);
        assertEquals(0, again.exitCode(), again.err());
        Manifest second = Manifest.read(temp.resolve("same").resolve(Manifest.FILE_NAME));
        assertEquals(first.paramsSha256(), second.paramsSha256(), "identical parameters");
        assertEquals(first.figures(), second.figures());

        String[] otherSeed = {"--limit", "5000", "--epochs", "1", "--lr", "0.1", "--seed", "7"};
        CommandResult other = TrainedMnist.train(temp.resolve("other"), otherSeed);
        assertEquals(0, other.exitCode(), other.err());
        Manifest third = Manifest.read(temp.resolve("other").resolve(Manifest.FILE_NAME));
        assertNotEquals(first.history().get(0).trainLoss(), third.history().get(0).trainLoss());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--epochs 0           | --epochs must be at least 1, got 0",
        "--epochs -3          | --epochs must be at least 1, got -3",
        "--lr 0               | --lr must be a positive number, got 0.",
        "--lr NaN             | Invalid value for option '--lr': 'NaN' is not a number",
        "--batch-size 0       | --batch-size must be at least 1, got 0",
        "--limit 0            | --limit must be at least 1, got 0",
        "--momentum 1.5       | --momentum must be in [0, 1), got 1.5",
        "--optimizer adam --momentum 0.9 | --momentum applies to --optimizer sgd only",
        "--optimizer foo      | Invalid value for option '--optimizer': 'foo' is not an optimiser",
        "--optimizer rmsprop  | Invalid value for option '--optimizer': 'rmsprop' is one of DJL's",
        "--device tpu         | Invalid value for option '--device'",
        "--epochs three       | Invalid value for option '--epochs'",
        "--frobnicate         | Unknown option: '--frobnicate'",
    })
    void nonsenseFlagsPrintOneLineAndExitWithTheUsageCode(String flags, String message) {
        CommandResult result = TrainedMnist.train(temp, flags.split(" "));
        assertEquals(ExitCode.USAGE.code(), result.exitCode());
        assertEquals(1, result.errLines().size(), result.err());
        String line = result.errLines().get(0);
        assertTrue(line.startsWith("error: " + message), line);
        assertTrue(line.endsWith("Run MnistLogistic --help for the flags."), line);
        assertFalse(Files.exists(temp.resolve(Manifest.FILE_NAME)), "nothing was trained");
    }

    @Test
    void printedDigitsJoinTheTrainingImagesAndTheManifestSaysSo() throws IOException {
        Assumptions.assumeTrue(PrintedDigits.missingTypefaces().isEmpty(),
                "install " + PrintedDigits.PACKAGE);
        Path dir = temp.resolve("printed");
        CommandResult run = TrainedMnist.train(dir, "--limit", "1000", "--epochs", "1",
                "--printed-digits", "2");
        assertEquals(0, run.exitCode(), run.err());
        Manifest manifest = Manifest.read(dir.resolve(Manifest.FILE_NAME));
        assertEquals("2", manifest.options().get("printed-digits"));
        assertEquals(1000 + PrintedDigits.count(2), manifest.data().trainExamples());
    }

    @Test
    void aNegativeNumberOfPrintedDigitsIsRefusedBeforeTraining() {
        CommandResult run = TrainedMnist.train(temp.resolve("none"), "--printed-digits", "-1");
        assertEquals(ExitCode.USAGE.code(), run.exitCode(), run.err());
        assertTrue(run.err().contains("--printed-digits must be between 0 and 1000, got -1"),
                run.err());
        assertFalse(Files.exists(temp.resolve("none").resolve(Manifest.FILE_NAME)));
    }

    @Test
    void askingForAGpuWhereThereIsNoneSaysWhatToDo() {
        Assumptions.assumeTrue(Engine.getEngine("PyTorch").getGpuCount() == 0, "a GPU is here");
        CommandResult result = TrainedMnist.train(temp, "--device", "gpu");
        assertEquals(ExitCode.DEVICE.code(), result.exitCode());
        assertEquals(1, result.errLines().size(), result.err());
        assertTrue(result.errLines().get(0).contains("--device cpu"), result.err());
    }

    @Test
    void aTruncatedDataFileStopsTheRunBeforeTraining() throws IOException {
        Path data = temp.resolve("data");
        Path images = TestData.copyOf(ImageDataset.MNIST, data)
                .file(ImageDataset.MNIST, IdxFile.TRAIN_IMAGES);
        try (RandomAccessFile file = new RandomAccessFile(images.toFile(), "rw")) {
            file.setLength(file.length() / 2);
        }
        Path output = temp.resolve("model");
        CommandResult result = TrainedMnist.train(output, "--data-dir", data.toString());
        assertEquals(ExitCode.DATA_CORRUPT.code(), result.exitCode());
        assertEquals(1, result.errLines().size(), result.err());
        assertTrue(result.errLines().get(0).startsWith("error: " + images + ": truncated"),
                result.err());
        // --output-dir is created (and checked) before the data are read; nothing is saved
        assertFalse(Files.exists(output.resolve(Manifest.FILE_NAME)), "no checkpoint is written");
    }
}
