package org.linearmodels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linearmodels.model.Manifest;
import org.linearmodels.predict.FeaturePredictor;

/**
 * SparkPredict in local mode answers as the single-machine predictors do, row for row, and a
 * file it cannot answer gets a row that says why instead of failing the job.
 */
class SparkPredictTest {

    static final Path MODELS = Path.of("..", "models").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void picturesGetTheSingleMachinePredictorsAnswersAndABadOneItsReason() throws Exception {
        Path pictures = Files.createDirectories(dir.resolve("pictures"));
        List<Path> digits = SparkTestData.mnistPictures(pictures, 6);
        Files.writeString(pictures.resolve("notes.png"), "not a picture");
        SparkTestData.blankPicture(pictures.resolve("blank.png"));
        Path model = MODELS.resolve(MnistLogistic.NAME);

        CommandRun run = CommandRun.of(new SparkPredict(), "--master", "local[2]",
                "--model-dir", model.toString(), "--input", pictures.toString(),
                "--output", dir.resolve("out.csv").toString());

        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("Wrote 8 rows"), run.out());
        Map<String, Map<String, String>> rows = SparkTestData.csvRowsByFirstColumn(
                dir.resolve("out.csv"));
        assertEquals(8, rows.size(), rows.toString());
        SparkTestData.assertSingleMachineAnswers(rows, digits, model);
        Map<String, String> notes = rows.get(
                SparkTestData.sparkPath(pictures.resolve("notes.png")));
        assertTrue(notes.get("error").contains("is not an image"), notes.toString());
        assertNull(notes.get("class"));
        Map<String, String> blank = rows.get(
                SparkTestData.sparkPath(pictures.resolve("blank.png")));
        assertTrue(blank.get("error").contains("blank"), blank.toString());
    }

    @Test
    void featureRowsGetTheTabularPredictorsAnswers() throws Exception {
        Path csv = dir.resolve("exams.csv");
        List<float[]> exams = List.of(new float[] {34.6f, 78.0f}, new float[] {60.2f, 86.3f},
                new float[] {79.0f, 75.3f}, new float[] {45.1f, 56.3f});
        StringBuilder text = new StringBuilder("exam1,exam2\n");
        for (float[] exam : exams) {
            text.append(exam[0]).append(',').append(exam[1]).append('\n');
        }
        Files.writeString(csv, text);
        Path model = MODELS.resolve("exam-logistic");

        CommandRun run = CommandRun.of(new SparkPredict(), "--master", "local[1]",
                "--model-dir", model.toString(), "--input", csv.toString(),
                "--output", dir.resolve("out").toString());

        assertEquals(0, run.code(), run.err());
        Map<String, Map<String, String>> rows = SparkTestData.csvRowsByFirstColumn(
                dir.resolve("out"));
        try (FeaturePredictor single = FeaturePredictor.load(model, "exam-logistic", "train",
                Device.cpu())) {
            List<float[]> expected = single.predict(exams);
            for (int i = 0; i < exams.size(); i++) {
                Map<String, String> row = rows.get(String.valueOf(exams.get(i)[0]));
                float admitted = expected.get(i)[0];
                assertEquals(admitted >= 0.5f ? "admitted" : "not admitted", row.get("class"),
                        row.toString());
                assertEquals(Math.max(admitted, 1 - admitted),
                        Double.parseDouble(row.get("probability")), 1e-6, row.toString());
            }
        }
    }

    @Test
    void badInputStopsBeforeSparkWithOneLineAndItsExitCode() throws Exception {
        Path pictures = Files.createDirectories(dir.resolve("pictures"));
        SparkTestData.blankPicture(pictures.resolve("blank.png"));
        String mnist = MODELS.resolve(MnistLogistic.NAME).toString();
        String out = dir.resolve("out").toString();

        assertFails(6, "no checkpoint in", "--model-dir", dir.resolve("none").toString(),
                "--input", pictures.toString(), "--output", out);
        assertFails(5, "does not exist", "--model-dir", mnist,
                "--input", dir.resolve("missing").toString(), "--output", out);
        assertFails(5, "holds a tabular model", "--model-dir",
                MODELS.resolve("exam-logistic").toString(), "--input", pictures.toString(),
                "--output", out);
        assertFails(9, "exists", "--model-dir", mnist, "--input", pictures.toString(),
                "--output", pictures.toString());
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        assertFails(8, "cannot reach the Spark master spark://127.0.0.1:1", "--master",
                "spark://127.0.0.1:1", "--model-dir", mnist, "--input", pictures.toString(),
                "--output", out);
    }

    /** A damaged parameter file stops the command before the job, not in a failed stage. */
    @Test
    void aDamagedModelStopsBeforeTheJobWithTheCheckpointsLine() throws Exception {
        Path model = dir.resolve("damaged");
        Path original = MODELS.resolve(MnistLogistic.NAME);
        Files.createDirectories(model);
        try (var files = Files.list(original)) {
            for (Path file : files.toList()) {
                Files.copy(file, model.resolve(file.getFileName()));
            }
        }
        Manifest manifest = Manifest.read(model.resolve(Manifest.FILE_NAME));
        Path params = model.resolve(manifest.paramsFile());
        byte[] bytes = Files.readAllBytes(params);
        bytes[bytes.length - 1] ^= 1;
        Files.write(params, bytes);
        Path pictures = Files.createDirectories(dir.resolve("pictures"));
        SparkTestData.mnistPictures(pictures, 1);

        assertFails(6, "sha256", "--master", "local[1]", "--model-dir", model.toString(),
                "--input", pictures.toString(), "--output", dir.resolve("out").toString());
    }

    private static void assertFails(int code, String message, String... args) {
        CommandRun run = CommandRun.of(new SparkPredict(), args);
        assertEquals(code, run.code(), run.err());
        List<String> lines = run.err().lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(1, lines.size(), run.err());
        assertTrue(lines.get(0).contains(message), run.err());
    }
}
