package org.linearmodels.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server under overload, with no timing luck involved: workers are held by requests whose
 * bodies the test sends only when it chooses ({@link HeldRequest}), so a full queue, a stalled
 * client and a shutdown with a request in flight are states the test creates, not races. Time
 * limits here are only ceilings for a hung server, far above what any step takes.
 */
class ServeOverloadTest {

    private static final String ROW = "[7.0, 3.2, 4.7, 1.4]";
    private static final Duration LONG = Duration.ofSeconds(120);

    private ServedModel iris;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(30)).build();

    /** A model per test: a server closes its models when it stops. */
    @BeforeEach
    void load() {
        iris = ServedModel.load(Path.of("models", "iris-logistic"), Device.cpu());
    }

    @AfterEach
    void unload() {
        iris.close();
    }

    private static ModelServer start(List<? extends Served> models, int workers, int queue,
            Duration bodyTimeout, Runnable onFatal) throws IOException {
        return ModelServer.start(models,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new ModelServer.Limits(workers, queue, bodyTimeout), null, onFatal);
    }

    private HttpResponse<String> get(ModelServer server, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(server, path)).timeout(LONG).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(ModelServer server, String path, String body)
            throws Exception {
        return client.send(HttpRequest.newBuilder(uri(server, path)).timeout(LONG)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(ModelServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.address().getPort() + path);
    }

    private static String type(String body) {
        return JsonParser.parseString(body).getAsJsonObject().get("type").getAsString();
    }

    @Test
    void aFullQueueIsRefusedAtOnceAndPingStillAnswers() throws Exception {
        ModelServer server = start(List.of(iris), 2, 2, LONG, () -> { });
        List<HeldRequest> held = new ArrayList<>();
        List<HeldRequest> refused = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                held.add(new HeldRequest(server.address().getPort(), "iris-logistic", ROW));
            }
            // Two on the workers, waiting for their bodies, and two queued behind them.
            HeldRequest.await(() -> server.predicting() == 4, "4 predictions taken");
            // With 512 connections open, every one beyond the queue is answered 503 while the
            // workers are still held: none of them waits for a worker.
            for (int i = 0; i < 508; i++) {
                HeldRequest request = new HeldRequest(server.address().getPort(),
                        "iris-logistic", ROW);
                refused.add(request);
                request.release();
            }
            for (HeldRequest request : refused) {
                HeldRequest.Answer answer = request.answer();
                assertEquals(503, answer.status(), answer.body());
                assertEquals("1", answer.headers().get("retry-after"));
                assertEquals("application/json", answer.headers().get("content-type"));
                assertEquals("busy", type(answer.body()));
            }
            assertEquals(4, server.predicting());
            HttpResponse<String> ping = get(server, "/ping");
            assertEquals(200, ping.statusCode(), ping.body());
            assertEquals(200, get(server, "/models").statusCode());
            assertEquals(4, server.predicting(), "the workers were held throughout");
            for (HeldRequest request : held) {
                request.release();
            }
            for (HeldRequest request : held) {
                HeldRequest.Answer answer = request.answer();
                assertEquals(200, answer.status(), answer.body());
                assertTrue(answer.body().contains("versicolor"), answer.body());
            }
            HeldRequest.await(() -> server.predicting() == 0, "the queue emptied");
            assertEquals(200, post(server, "/predictions/iris-logistic", ROW).statusCode());
        } finally {
            for (HeldRequest request : held) {
                request.close();
            }
            for (HeldRequest request : refused) {
                request.close();
            }
            server.close();
        }
    }

    @Test
    void aStalledBodyIsAnswered408AndFreesItsWorker() throws Exception {
        ModelServer server = start(List.of(iris), 1, 1, Duration.ofSeconds(1), () -> { });
        try (HeldRequest stalled = new HeldRequest(server.address().getPort(),
                "iris-logistic", ROW)) {
            // Its body never comes: the only worker is freed by the timeout, or never.
            HeldRequest.Answer answer = stalled.answer();
            assertEquals(408, answer.status(), answer.body());
            assertEquals("body_timeout", type(answer.body()));
            assertTrue(stalled.closedByServer());
            HeldRequest.await(() -> server.predicting() == 0, "the worker freed");
            HttpResponse<String> next = post(server, "/predictions/iris-logistic", ROW);
            assertEquals(200, next.statusCode(), next.body());
        } finally {
            server.close();
        }
    }

    @Test
    void stopAnswersTheRequestInFlightAndRefusesNewOnes() throws Exception {
        ModelServer server = start(List.of(iris), 2, 2, LONG, () -> { });
        try (HeldRequest slow = new HeldRequest(server.address().getPort(), "iris-logistic",
                ROW)) {
            HeldRequest.await(() -> server.predicting() == 1, "the slow request on a worker");
            CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(() -> {
                try {
                    return server.stop(LONG.toSeconds());
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            // Stopping has begun once a new request is refused; the slow one still waits.
            HeldRequest.await(() -> {
                try {
                    return get(server, "/ping").statusCode() == 503;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "new requests refused");
            HttpResponse<String> refused = post(server, "/predictions/iris-logistic", ROW);
            assertEquals(503, refused.statusCode());
            assertEquals("shutting_down", type(refused.body()));
            assertFalse(stopped.isDone(), "stop waits for the request in flight");
            slow.release();
            HeldRequest.Answer answer = slow.answer();
            assertEquals(200, answer.status(), answer.body());
            assertTrue(stopped.get(LONG.toSeconds(), TimeUnit.SECONDS), "drained");
        }
    }

    @Test
    void runningOutOfMemoryAnswers503AndStopsTakingRequests() throws Exception {
        Served greedy = new Served() {
            @Override
            public String name() {
                return "greedy";
            }

            @Override
            public JsonObject describe() {
                return new JsonObject();
            }

            @Override
            public JsonObject answer(byte[] body, String contentType) {
                throw new OutOfMemoryError("Java heap space");
            }
        };
        CountDownLatch fatal = new CountDownLatch(1);
        ModelServer server = start(List.of(iris, greedy), 2, 2, LONG, fatal::countDown);
        try {
            assertEquals(200, post(server, "/predictions/iris-logistic", ROW).statusCode());
            assertFalse(server.failed());
            HttpResponse<String> answer = post(server, "/predictions/greedy", "[1]");
            assertEquals(503, answer.statusCode(), answer.body());
            assertEquals("out_of_memory", type(answer.body()));
            assertTrue(fatal.await(LONG.toSeconds(), TimeUnit.SECONDS), "the owner is told");
            assertTrue(server.failed());
            HttpResponse<String> after = post(server, "/predictions/iris-logistic", ROW);
            assertEquals(503, after.statusCode(), "nothing is served after it");
            assertEquals(503, get(server, "/ping").statusCode());
        } finally {
            server.close();
        }
    }

    @Test
    void aBodysTimeoutIsDroppedOnceTheBodyIsIn() throws Exception {
        // Held for the whole timeout, the alarms of answered requests would pile up (one per
        // request for a minute under load) and fill the old heap with garbage.
        ModelServer server = start(List.of(iris), 2, 2, LONG, () -> { });
        try {
            for (int i = 0; i < 20; i++) {
                assertEquals(200, post(server, "/predictions/iris-logistic", ROW).statusCode());
            }
            assertEquals(0, server.alarmsPending());
        } finally {
            server.close();
        }
    }
}
