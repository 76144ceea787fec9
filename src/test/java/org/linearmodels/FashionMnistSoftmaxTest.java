package org.linearmodels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linearmodels.model.EpochRecord;
import org.linearmodels.model.Manifest;
import org.linearmodels.train.TrainingChart;

class FashionMnistSoftmaxTest {

    @TempDir
    Path temp;

    @Test
    void fromScratchItMeetsTheTutorialsThreeBars() throws IOException {
        CommandResult run = CommandResult.run(new FashionMnistSoftmaxCommand(), "--output-dir",
                temp.toString());
        assertEquals(0, run.exitCode(), run.err());
        Manifest manifest = Manifest.read(temp.resolve(Manifest.FILE_NAME));
        EpochRecord last = manifest.history().get(manifest.history().size() - 1);
        assertEquals(10, last.epoch());
        assertTrue(last.trainLoss() < 0.5, "train loss " + last.trainLoss());
        assertTrue(last.trainAccuracy() > 0.7 && last.trainAccuracy() <= 1);
        assertTrue(last.testAccuracy() > 0.7 && last.testAccuracy() <= 1);
        assertTrue(run.out().contains("Tutorial bars (train loss < 0.5, both accuracies in"
                + " (0.7, 1]): met"), run.out());
        Pictures.assertDrawn(temp.resolve(TrainingChart.FILE));
        Pictures.assertDrawn(temp.resolve(FashionMnistSoftmaxCommand.PREDICTIONS_FILE));

        CommandResult predicted = CommandResult.run(new FashionPredictor(), "--model-dir",
                temp.toString());
        assertEquals(0, predicted.exitCode(), predicted.err());
        assertEquals(String.format(Locale.ROOT,
                "Accuracy of the model on the 10000 test images: %.2f %%",
                100 * last.testAccuracy()), predicted.out().strip());
    }

    @Test
    void theConciseTrainerVersionAndADjlUpdaterTrainToo() throws IOException {
        for (String[] args : new String[][] {{"--mode", "trainer"},
                {"--updater", "djl", "--optimizer", "adam", "--lr", "0.001"}}) {
            Path dir = temp.resolve(args[1]);
            String[] all = new String[args.length + 6];
            System.arraycopy(args, 0, all, 0, args.length);
            System.arraycopy(new String[] {"--limit", "12000", "--epochs", "3", "--output-dir",
                    dir.toString()}, 0, all, args.length, 6);
            CommandResult run = CommandResult.run(new FashionMnistSoftmaxCommand(), all);
            assertEquals(0, run.exitCode(), run.err());
            Manifest manifest = Manifest.read(dir.resolve(Manifest.FILE_NAME));
            assertTrue(manifest.figures().get("testAccuracy") > 0.7, manifest.figures().toString());
        }
    }
}
