package org.linearmodels.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linearmodels.ChildJvm;
import org.linearmodels.CommandResult;
import org.linearmodels.MnistImages;
import org.linearmodels.Serve;
import org.linearmodels.data.ImageDataset;

/**
 * The HTTP API with plain {@code java.net.http}: each model answers, and every bad request is
 * a 4xx with JSON naming the problem, after which the server still answers.
 */
class ServeApiTest {

    private static RunningServer served;

    @BeforeAll
    static void start() throws IOException {
        served = new RunningServer();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        served.close();
    }

    private static JsonObject json(HttpResponse<String> response) {
        assertEquals("application/json",
                response.headers().firstValue("Content-Type").orElse(""), response.body());
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    private static byte[] png(java.awt.image.BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    @Test
    void pingAndModels() throws Exception {
        HttpResponse<String> ping = served.get("/ping");
        assertEquals(200, ping.statusCode());
        assertEquals("Healthy", json(ping).get("status").getAsString());
        JsonArray models = json(served.get("/models")).getAsJsonArray("models");
        assertEquals(Serve.DEFAULT_MODELS, models.asList().stream()
                .map(m -> m.getAsJsonObject().get("modelName").getAsString()).toList());
    }

    @Test
    void aDigitPictureGetsItsClassesAndTheFrameTheModelSaw() throws Exception {
        byte[] picture = png(MnistImages.drawn(ImageDataset.MNIST, 0, 8, true));
        JsonObject answer = json(served.post("/predictions/mnist-logistic", null, picture));
        JsonArray predictions = answer.getAsJsonArray("predictions");
        assertEquals(10, predictions.size());
        assertEquals(String.valueOf(MnistImages.label(ImageDataset.MNIST, 0)),
                predictions.get(0).getAsJsonObject().get("className").getAsString());
        String frame = answer.get("frame").getAsString();
        assertTrue(frame.startsWith("data:image/png;base64,"), frame);
        var image = ImageIO.read(new java.io.ByteArrayInputStream(Base64.getDecoder()
                .decode(frame.substring(frame.indexOf(',') + 1))));
        assertEquals(28, image.getWidth());
        assertEquals(28, image.getHeight());
        // The frame is light ink on black, as MNIST is: the test image's own pixels, nearly.
        int[] original = MnistImages.pixels(ImageDataset.MNIST, 0);
        double difference = 0;
        for (int i = 0; i < 784; i++) {
            difference += Math.abs(image.getRaster().getSample(i % 28, i / 28, 0)
                    - original[i]);
        }
        assertTrue(difference / 784 < 20, "mean difference " + difference / 784);
    }

    @Test
    void tabularModelsAnswerRowsAndLists() throws Exception {
        JsonObject iris = json(served.post("/predictions/iris-logistic", "application/json",
                bytes("[7.0, 3.2, 4.7, 1.4]")));
        JsonObject top = iris.getAsJsonArray("predictions").get(0).getAsJsonObject();
        assertEquals("versicolor", top.get("className").getAsString());
        assertEquals(0.7019, top.get("probability").getAsDouble(), 1e-4);   // IrisPredictor's
        JsonObject exam = json(served.post("/predictions/exam-logistic", null,
                bytes("[[45, 85], [80, 60]]")));
        JsonObject first = exam.getAsJsonArray("results").get(0).getAsJsonObject()
                .getAsJsonArray("predictions").get(0).getAsJsonObject();
        assertEquals("admitted", first.get("className").getAsString());
        assertEquals(0.637, first.get("probability").getAsDouble(), 1e-3);  // ExamPredictor's
        JsonObject line = json(served.post("/predictions/linear-regression", "text/plain",
                bytes("[4]")));
        assertEquals(7.8612, line.get("value").getAsDouble(), 1e-4);        // LinearPredictor's
    }

    @Test
    void badRequestsAreNamed4xxAndTheServerGoesOn() throws Exception {
        byte[] digit = png(MnistImages.drawn(ImageDataset.MNIST, 0, 2, true));
        byte[] huge = new byte[ModelServer.MAX_BODY_BYTES + 1];
        // A valid PNG header declaring 100000×100000 pixels: refused before decoding.
        byte[] bomb = png(new java.awt.image.BufferedImage(1, 1,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY));
        bomb[16] = 0;
        bomb[17] = 1;
        bomb[18] = (byte) 0x86;
        bomb[19] = (byte) 0xA0;
        bomb[20] = 0;
        bomb[21] = 1;
        bomb[22] = (byte) 0x86;
        bomb[23] = (byte) 0xA0;
        byte[] blank = png(new java.awt.image.BufferedImage(40, 30,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY));
        byte[] onePixel = png(new java.awt.image.BufferedImage(1, 1,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY));
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(MnistImages.drawn(ImageDataset.MNIST, 0, 4, true), "jpg", jpeg);
        byte[] cutJpeg = java.util.Arrays.copyOf(jpeg.toByteArray(), jpeg.size() * 2 / 3);
        record Bad(String path, String type, String body, byte[] bytes, int status,
                String problem) {}
        List<Bad> cases = List.of(
                new Bad("/predictions/nope", null, "[1]", null, 404, "unknown_model"),
                new Bad("/predictions/mnist-logistic", "application/json", null, digit, 415,
                        "unsupported_media_type"),
                new Bad("/predictions/iris-logistic", "image/png", null, digit, 415,
                        "unsupported_media_type"),
                new Bad("/predictions/mnist-logistic", "image/png", "", null, 400,
                        "empty_body"),
                new Bad("/predictions/iris-logistic", "application/json", "", null, 400,
                        "empty_body"),
                new Bad("/predictions/mnist-logistic", "image/png", null, huge, 413,
                        "body_too_large"),
                new Bad("/predictions/mnist-logistic", "image/png", "not a picture", null, 400,
                        "not_an_image"),
                new Bad("/predictions/mnist-logistic", "image/png", null,
                        java.util.Arrays.copyOf(digit, digit.length / 2), 400, "not_an_image"),
                new Bad("/predictions/mnist-logistic", "image/png", null, bomb, 400,
                        "not_an_image"),
                new Bad("/predictions/mnist-logistic", "image/jpeg", null, cutJpeg, 400,
                        "not_an_image"),
                new Bad("/predictions/mnist-logistic", "image/png", null, blank, 422,
                        "blank_picture"),
                new Bad("/predictions/mnist-logistic", "image/png", null, onePixel, 422,
                        "blank_picture"),
                new Bad("/predictions/iris-logistic", null, "[5.1, 3.5", null, 400,
                        "malformed_json"),
                new Bad("/predictions/iris-logistic", null, "[5.1, 3.5] [1]", null, 400,
                        "malformed_json"),
                new Bad("/predictions/iris-logistic", null, "[5.1, 3.5, 1.4]", null, 400,
                        "wrong_feature_count"),
                new Bad("/predictions/exam-logistic", null, "[[45, 85], [1]]", null, 400,
                        "wrong_feature_count"),
                new Bad("/predictions/exam-logistic", null, "[45, NaN]", null, 400,
                        "not_a_number"),
                new Bad("/predictions/exam-logistic", null, "[45, 1e999]", null, 400,
                        "not_finite"),
                new Bad("/predictions/exam-logistic", null, "{\"a\": 1}", null, 400,
                        "not_an_array"),
                new Bad("/predictions/linear-regression", null, "[\"4\"]", null, 400,
                        "not_a_number"),
                new Bad("/predictions/linear-regression", null, "[3e38]", null, 400,
                        "answer_out_of_range"),
                new Bad("/nowhere", null, "", null, 404, "not_found"));
        for (Bad bad : cases) {
            byte[] body = bad.bytes() != null ? bad.bytes() : bytes(bad.body());
            HttpResponse<String> response = served.post(bad.path(), bad.type(), body);
            String label = bad.problem() + ": " + response.body();
            assertEquals(bad.status(), response.statusCode(), label);
            JsonObject error = json(response);
            assertEquals(bad.status(), error.get("code").getAsInt(), label);
            assertEquals(bad.problem(), error.get("type").getAsString(), label);
            assertFalse(error.get("message").getAsString().isBlank(), label);
            assertFalse(response.body().contains("at org."), label);
            assertEquals(200, served.get("/ping").statusCode(), "after " + label);
        }
        HttpResponse<String> get = served.get("/predictions/iris-logistic");
        assertEquals(405, get.statusCode());
        assertEquals(200, served.post("/predictions/mnist-logistic", "image/png", digit)
                .statusCode());
    }

    @Test
    void thePageComesFromTheJarAndNothingElseDoes() throws Exception {
        HttpResponse<String> page = served.get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<canvas id=\"digit-canvas\""));
        assertEquals(200, served.get("/app.js").statusCode());
        for (String path : List.of("/../pom.xml", "/pom.xml",
                "/models/mnist-logistic/manifest.json", "/%2e%2e/pom.xml", "/page/index.html")) {
            assertEquals(404, served.get(path).statusCode(), path);
        }
    }

    @Test
    void sigtermAnswersAndExitsZeroWithTheAccessLogOn(@TempDir Path dir) throws Exception {
        Process serve = ChildJvm.start(dir, List.of(), Serve.class, "--port", "0",
                "--model-dir", "models/iris-logistic",
                "--model-dir", "flowers=models/iris-logistic", "--access-log");
        try {
            String line = "";
            for (int i = 0; i < 600 && !line.contains("http://"); i++) {
                Thread.sleep(50);
                line = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
            }
            assertTrue(line.contains("Serving iris-logistic, flowers on http://127.0.0.1:"), line);
            String url = line.substring(line.indexOf("http://"), line.indexOf("/ (SIGTERM"));
            assertEquals(200, served.client.send(HttpRequest.newBuilder(URI.create(url
                    + "/ping")).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            serve.destroy();   // SIGTERM
            assertTrue(serve.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, serve.exitValue(), Files.readString(dir.resolve("err.txt")));
            String out = Files.readString(dir.resolve("out.txt"));
            assertTrue(out.contains("Stopped after"), out);
            assertTrue(out.contains(" INFO  127.0.0.1 GET /ping 200 "), "--access-log: " + out);
        } finally {
            serve.destroyForcibly();
        }
    }

    @Test
    void twoDirectoriesServedUnderOneNameAreRefusedNamingTheWayOut() {
        CommandResult run = CommandResult.run(new Serve(), "--port", "0",
                "--model-dir", "models/iris-logistic", "--model-dir", "models/iris-logistic");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("two model directories are served as 'iris-logistic';"
                + " serve one of them, or name one: --model-dir OTHER-NAME=DIR"), run.err());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
