package org.linearmodels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linearmodels.model.Manifest;

/**
 * SparkTrain in local mode on a slice of MNIST: the model directory it saves is an ordinary
 * one, which MnistPredictor loads and scores as SparkTrain did, and adding up the two workers'
 * changes trains as far as the single-machine loop does on the same images.
 */
class SparkTrainTest {

    private static final Pattern ACCURACY = Pattern.compile(
            "Accuracy of the model on the 10000 test images: ([0-9.]+) %");

    @TempDir
    Path dir;

    @Test
    void trainsAsFarAsOneMachineAndSavesADirectoryMnistPredictorLoads() throws Exception {
        Path model = dir.resolve("model");
        CommandRun run = CommandRun.of(new SparkTrain(), "--master", "local[2]",
                "--partitions", "2", "--limit", "1200", "--epochs", "2", "--lr", "0.05",
                "--mllib-iterations", "2", "--output-dir", model.toString());

        assertEquals(0, run.code(), run.err());
        String accuracy = accuracy(run.out());
        Manifest manifest = Manifest.read(model.resolve(Manifest.FILE_NAME));
        assertEquals("2", manifest.options().get("partitions"));
        double spark = manifest.figures().get("testAccuracy");
        double single = Double.parseDouble(manifest.options().get("singleMachineAccuracy"));
        assertTrue(spark > 0.6, run.out());  // it learned: a tenth is chance
        assertEquals(single, spark, 0.02, run.out());

        CommandRun predictor = CommandRun.of(new MnistPredictor(), "--model-dir",
                model.toString());
        assertEquals(0, predictor.code(), predictor.err());
        assertEquals(accuracy, accuracy(predictor.out()));
    }

    @Test
    void anOptimiserWithStateIsRefusedBeforeSparkStarts() {
        CommandRun run = CommandRun.of(new SparkTrain(), "--optimizer", "adam",
                "--output-dir", dir.resolve("model").toString());
        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().startsWith("error: SparkTrain trains with plain SGD"), run.err());
    }

    private static String accuracy(String out) {
        Matcher matcher = ACCURACY.matcher(out);
        assertTrue(matcher.find(), out);
        return matcher.group(1);
    }
}
