package org.linearmodels.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * {@code /metrics}, the access log and the management calls over HTTP, on a real server with
 * the committed models. In-flight and queued states are made with {@link HeldRequest}, never
 * by timing; time limits are only ceilings for a hung server.
 */
class ServeManagementTest {

    private static final String ROW = "[7.0, 3.2, 4.7, 1.4]";
    private static final Duration LONG = Duration.ofSeconds(120);
    private static final String IRIS = "iris-logistic";

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(30)).build();
    private ServedModel iris;
    private ModelServer server;

    @BeforeEach
    void load() {
        iris = ServedModel.load(Path.of("models", IRIS), Device.cpu());
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
        iris.close();
    }

    private ModelServer start(List<? extends Served> models, int workers, int queue,
            ModelStore store) throws IOException {
        server = ModelServer.start(models,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new ModelServer.Limits(workers, queue, LONG), store, () -> { });
        return server;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(LONG).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + server.address().getPort() + path));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> register(String query) throws Exception {
        return send(request("/models?" + query).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static JsonObject json(HttpResponse<String> response) {
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    private static void assertAnswer(int status, String type, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(type, json(response).get("type").getAsString(), response.body());
    }

    /** Each sample of a scrape, by its name and labels written in sorted order. */
    private Map<String, Double> scrape() throws Exception {
        HttpResponse<String> response = get("/metrics");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("")
                .startsWith("text/plain; version=0.0.4"), response.headers().toString());
        Map<String, Double> samples = new HashMap<>();
        for (String line : response.body().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            String series = line.substring(0, space);
            String name = series;
            Map<String, String> labels = new TreeMap<>();
            int brace = series.indexOf('{');
            if (brace >= 0) {
                name = series.substring(0, brace);
                for (String label : series.substring(brace + 1, series.length() - 1)
                        .split(",")) {
                    int equals = label.indexOf('=');
                    labels.put(label.substring(0, equals),
                            label.substring(equals + 2, label.length() - 1));
                }
            }
            samples.put(name + labels, Double.parseDouble(line.substring(space + 1)));
        }
        return samples;
    }

    private static double sample(Map<String, Double> samples, String key) {
        return samples.getOrDefault(key, 0.0);
    }

    private static double requests(Map<String, Double> samples, String model, int status) {
        return sample(samples, "serve_requests_total{model=" + model + ", status=" + status
                + "}");
    }

    private boolean scraped(String key, double value) {
        try {
            return sample(scrape(), key) == value;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void metricsCountExactlyTheRequestsMade() throws Exception {
        start(List.of(iris), 2, 2, null);
        Map<String, Double> before = scrape();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, post("/predictions/" + IRIS, ROW).statusCode());
        }
        assertAnswer(400, "wrong_feature_count", post("/predictions/" + IRIS, "[1]"));
        assertAnswer(404, "unknown_model", post("/predictions/nothing", ROW));
        assertEquals(200, get("/ping").statusCode());
        Map<String, Double> after = scrape();

        assertEquals(3, requests(after, IRIS, 200) - requests(before, IRIS, 200));
        assertEquals(1, requests(after, IRIS, 400) - requests(before, IRIS, 400));
        // Requests to no served model share one label, whatever name they asked for.
        assertEquals(1, requests(after, "-", 404) - requests(before, "-", 404));
        assertEquals(2, requests(after, "-", 200) - requests(before, "-", 200),
                "the ping and the first scrape");
        assertFalse(after.keySet().stream().anyMatch(k -> k.contains("nothing")), "" + after);

        String histogram = "serve_request_duration_seconds";
        double count = sample(after, histogram + "_count{model=" + IRIS + "}");
        assertEquals(4, count - sample(before, histogram + "_count{model=" + IRIS + "}"));
        assertTrue(sample(after, histogram + "_sum{model=" + IRIS + "}") > 0);
        List<String> buckets = after.keySet().stream()
                .filter(k -> k.startsWith(histogram + "_bucket{") && k.contains(IRIS)).toList();
        assertEquals(15, buckets.size(), "" + buckets);
        assertEquals(count, sample(after, histogram + "_bucket{le=+Inf, model=" + IRIS + "}"));
        assertEquals(0, sample(after, "serve_queue_depth{}"));
        assertEquals(1, sample(after, "serve_requests_in_flight{}"), "the scrape itself");

        // A second server in the same JVM counts its own requests only.
        ModelServer first = server;
        try (ModelServer second = ModelServer.start(List.of(),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new ModelServer.Limits(1, 1, LONG), null, () -> { })) {
            server = second;
            Map<String, Double> other = scrape();
            assertEquals(0, requests(other, IRIS, 200), "" + other);
            assertEquals(0, requests(other, "-", 200), "" + other);
        } finally {
            server = first;
        }
    }

    @Test
    void gaugesShowARequestInFlightAndOneQueued() throws Exception {
        start(List.of(iris), 1, 1, null);
        int port = server.address().getPort();
        try (HeldRequest working = new HeldRequest(port, IRIS, ROW);
                HeldRequest queued = new HeldRequest(port, IRIS, ROW)) {
            HeldRequest.await(() -> server.predicting() == 2, "one on the worker, one queued");
            Map<String, Double> held = scrape();
            assertEquals(1, sample(held, "serve_queue_depth{}"), "" + held);
            assertEquals(1, sample(held, "serve_workers_busy{}"), "" + held);
            assertEquals(3, sample(held, "serve_requests_in_flight{}"), "both and the scrape");
            working.release();
            queued.release();
            assertEquals(200, working.answer().status());
            assertEquals(200, queued.answer().status());
            // The counts fall just after the answers are written: wait for them, not time.
            HeldRequest.await(() -> scraped("serve_workers_busy{}", 0), "the worker freed");
            HeldRequest.await(() -> scraped("serve_requests_in_flight{}", 1),
                    "only the scrape in flight");
            assertEquals(0, sample(scrape(), "serve_queue_depth{}"));
        }
    }

    @Test
    void theAccessLogHasALinePerRequestWhenItsLoggerIsOn() throws Exception {
        start(List.of(iris), 2, 2, null);
        Logger access = (Logger) LoggerFactory.getLogger(ModelServer.ACCESS_LOG);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        access.addAppender(lines);
        Level level = access.getLevel();
        try {
            assertEquals(200, post("/predictions/" + IRIS, ROW).statusCode());
            assertTrue(lines.list.isEmpty(), "off by default: " + lines.list);

            access.setLevel(Level.INFO);
            HttpResponse<String> answer = post("/predictions/" + IRIS, ROW);
            assertEquals(404, get("/nowhere?x=%0Aforged").statusCode());
            List<String> logged = lines.list.stream().map(ILoggingEvent::getFormattedMessage)
                    .toList();
            assertEquals(2, logged.size(), "" + logged);
            String[] fields = logged.get(0).split(" ");
            assertEquals(List.of("127.0.0.1", "POST", "/predictions/" + IRIS, "200",
                    String.valueOf(answer.body().getBytes(StandardCharsets.UTF_8).length)),
                    List.of(fields).subList(0, 5), logged.get(0));
            assertTrue(Double.parseDouble(fields[5]) >= 0, logged.get(0));
            assertEquals(IRIS, fields[6], logged.get(0));
            assertEquals(7, fields.length, logged.get(0));
            assertTrue(logged.get(1).startsWith("127.0.0.1 GET /nowhere?x=%0Aforged 404 "),
                    logged.get(1));
            assertTrue(logged.get(1).endsWith(" -"), logged.get(1));
        } finally {
            access.setLevel(level);
            access.detachAppender(lines);
        }
    }

    @Test
    void modelsAreRegisteredFromTheStoreOnlyDescribedAndUnregistered(@TempDir Path store)
            throws Exception {
        Path exam = Files.createDirectory(store.resolve("exam-logistic"));
        try (Stream<Path> files = Files.list(Path.of("models", "exam-logistic"))) {
            for (Path file : files.toList()) {
                Files.copy(file, exam.resolve(file.getFileName()));
            }
        }
        Files.createDirectory(store.resolve("empty"));
        Files.createSymbolicLink(store.resolve("elsewhere"),
                Path.of("models", IRIS).toAbsolutePath());
        start(List.of(iris), 2, 2, new ModelStore(store, Device.cpu()));

        HttpResponse<String> registered = register("url=exam-logistic");
        assertEquals(200, registered.statusCode(), registered.body());
        assertEquals("Model \"exam-logistic\" registered.",
                json(registered).get("status").getAsString());
        assertEquals(List.of(IRIS, "exam-logistic"), json(get("/models"))
                .getAsJsonArray("models").asList().stream()
                .map(m -> m.getAsJsonObject().get("modelName").getAsString()).toList());
        HttpResponse<String> described = get("/models/exam-logistic");
        assertEquals(200, described.statusCode(), described.body());
        assertEquals("exam-logistic", json(described).get("modelName").getAsString());
        HttpResponse<String> predicted = post("/predictions/exam-logistic", "[45, 85]");
        assertEquals(200, predicted.statusCode(), predicted.body());
        assertTrue(json(predicted).has("predictions"), predicted.body());

        assertAnswer(409, "model_exists", register("url=exam-logistic"));
        assertAnswer(409, "model_exists", register("url=exam-logistic&model_name=" + IRIS));
        HttpResponse<String> renamed = register("url=" + encoded("file:"
                + exam.toAbsolutePath()) + "&model_name=exam-2");
        assertEquals(200, renamed.statusCode(), renamed.body());
        assertEquals("exam-2", json(post("/predictions/exam-2", "[45, 85]")).get("model")
                .getAsString());

        HttpResponse<String> notAModel = register("url=empty");
        assertAnswer(400, "bad_model", notAModel);
        assertTrue(json(notAModel).get("message").getAsString().contains("no checkpoint"),
                notAModel.body());
        assertAnswer(404, "no_such_directory", register("url=missing"));
        assertAnswer(403, "outside_model_store", register("url=" + encoded("../elsewhere")));
        assertAnswer(403, "outside_model_store", register("url="
                + encoded(Path.of("models", IRIS).toAbsolutePath().toString())
                + "&model_name=iris-2"));
        assertAnswer(403, "outside_model_store", register("url=elsewhere&model_name=iris-2"));
        assertAnswer(400, "unsupported_url", register("url="
                + encoded("http://example.com/model.zip")));
        assertAnswer(400, "missing_url", register("model_name=x"));
        assertAnswer(400, "bad_model_name", register("url=exam-logistic&model_name=a/b"));
        assertAnswer(405, "method_not_allowed", send(request("/models")
                .PUT(HttpRequest.BodyPublishers.noBody())));

        HttpResponse<String> deleted = send(request("/models/exam-logistic").DELETE());
        assertEquals(200, deleted.statusCode(), deleted.body());
        assertEquals("Model \"exam-logistic\" unregistered.",
                json(deleted).get("status").getAsString());
        assertAnswer(404, "unknown_model", post("/predictions/exam-logistic", "[45, 85]"));
        assertAnswer(404, "unknown_model", get("/models/exam-logistic"));
        assertAnswer(404, "unknown_model", send(request("/models/exam-logistic").DELETE()));
        assertEquals(200, post("/predictions/exam-2", "[45, 85]").statusCode());
        // Its name is free again.
        assertEquals(200, register("url=exam-logistic").statusCode());
    }

    /** The iris model, telling when it is closed and refusing to answer after. */
    private static final class Watched implements Served {

        private final ServedModel model;
        private final CountDownLatch closed = new CountDownLatch(1);

        Watched(ServedModel model) {
            this.model = model;
        }

        @Override
        public String name() {
            return model.name();
        }

        @Override
        public JsonObject describe() {
            return model.describe();
        }

        @Override
        public JsonObject answer(byte[] body, String contentType) {
            if (closed.getCount() == 0) {
                throw new IllegalStateException("used after close");
            }
            return model.answer(body, contentType);
        }

        @Override
        public void close() {
            model.close();
            closed.countDown();
        }
    }

    @Test
    void aModelUnregisteredMidPredictionAnswersItThenCloses() throws Exception {
        Watched watched = new Watched(iris);
        start(List.of(watched), 2, 2, null);
        try (HeldRequest held = new HeldRequest(server.address().getPort(), IRIS, ROW)) {
            HeldRequest.await(() -> server.predicting() == 1, "the request on a worker");
            HttpResponse<String> deleted = send(request("/models/" + IRIS).DELETE());
            assertEquals(200, deleted.statusCode(), deleted.body());
            assertAnswer(404, "unknown_model", post("/predictions/" + IRIS, ROW));
            assertEquals(1, watched.closed.getCount(), "closed under a prediction");
            held.release();
            HeldRequest.Answer answer = held.answer();
            assertEquals(200, answer.status(), answer.body());
            assertTrue(answer.body().contains("versicolor"), answer.body());
            assertTrue(watched.closed.await(LONG.toSeconds(), TimeUnit.SECONDS),
                    "closed after its last prediction");
        }
    }
}
