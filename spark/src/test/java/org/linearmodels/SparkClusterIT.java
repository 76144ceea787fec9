package org.linearmodels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linearmodels.model.Manifest;

/**
 * The Spark commands on a real standalone cluster: a master and two one-core workers on
 * loopback, each executor a JVM of its own. Predictions equal the single-machine predictor's;
 * training on two executors reaches the single-machine loop's accuracy within one point.
 */
@Tag("slow")
class SparkClusterIT {

    @TempDir
    static Path dir;

    private static StandaloneCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = StandaloneCluster.start(dir.resolve("cluster"), 2);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void predictionsEqualTheSingleMachinePredictors() throws Exception {
        Path pictures = Files.createDirectories(dir.resolve("pictures"));
        List<Path> digits = SparkTestData.mnistPictures(pictures, 20);
        Files.writeString(pictures.resolve("notes.png"), "not a picture");
        Path model = SparkPredictTest.MODELS.resolve(MnistLogistic.NAME);
        Path out = dir.resolve("answers.csv");

        CommandRun run = CommandRun.of(new SparkPredict(), "--master", cluster.master(),
                "--conf", "spark.driver.host=127.0.0.1", "--model-dir", model.toString(),
                "--input", pictures.toString(), "--output", out.toString());

        assertEquals(0, run.code(), run.err());
        Map<String, Map<String, String>> rows = SparkTestData.csvRowsByFirstColumn(out);
        assertEquals(21, rows.size(), rows.toString());
        SparkTestData.assertSingleMachineAnswers(rows, digits, model);
        Map<String, String> notes = rows.get(
                SparkTestData.sparkPath(pictures.resolve("notes.png")));
        assertTrue(notes.get("error").contains("is not an image"), notes.toString());
    }

    /**
     * A sixth of MNIST's training images, so that the test stays within minutes on two cores;
     * at lr 0.05 three epochs take the single-machine loop well past chance, where a wrong sum
     * of the workers' changes would fall behind by more than the point allowed.
     */
    @Test
    void trainingOnTwoExecutorsReachesTheSingleMachineAccuracyWithinOnePoint()
            throws Exception {
        Path model = dir.resolve("model");

        CommandRun run = CommandRun.of(new SparkTrain(), "--master", cluster.master(),
                "--conf", "spark.driver.host=127.0.0.1", "--partitions", "2",
                "--limit", "10000", "--epochs", "3", "--lr", "0.05", "--sync-every", "10",
                "--mllib-iterations", "10", "--output-dir", model.toString());

        assertEquals(0, run.code(), run.err());
        System.out.print(run.out());  // the comparison, for the build's log
        Manifest manifest = Manifest.read(model.resolve(Manifest.FILE_NAME));
        double spark = manifest.figures().get("testAccuracy");
        double single = Double.parseDouble(manifest.options().get("singleMachineAccuracy"));
        assertTrue(single > 0.8, run.out());
        assertEquals(single, spark, 0.01, run.out());
        CommandRun predictor = CommandRun.of(new MnistPredictor(), "--model-dir",
                model.toString());
        assertEquals(0, predictor.code(), predictor.err());
        assertTrue(predictor.out().contains(String.format(java.util.Locale.ROOT, "%.2f %%",
                100 * spark)), predictor.out());
    }
}
