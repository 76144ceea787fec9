package org.linearmodels.serve;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DJL Serving's inference API over the loaded models, plus the page at {@code /}:
 * {@code GET /ping}, {@code GET /models}, {@code POST /predictions/{model}}. Every refused
 * request is a 4xx with JSON {@code {"code", "type", "message"}}; a request never reaches the
 * file system (the page's files are read from the jar, by a fixed list of names).
 *
 * <p>The JDK's own {@link HttpServer}: it needs no dependency, and with keep-alive and a fixed
 * pool of workers it serves these sub-millisecond predictions faster than the load aim needs.
 */
public final class ModelServer implements AutoCloseable {

    /** Request bodies over this many bytes are refused (413) before they are read. */
    public static final int MAX_BODY_BYTES = 5 << 20;
    /** A too-large body is read and dropped up to this many bytes, to answer 413 cleanly. */
    private static final long DRAIN_BYTES = 64L << 20;

    private static final Logger logger = LoggerFactory.getLogger(ModelServer.class);
    private static final String PREDICTIONS = "/predictions/";
    private static final Map<String, String> PAGE = Map.of(
            "/", "index.html",
            "/index.html", "index.html",
            "/app.js", "app.js",
            "/style.css", "style.css");
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Map<String, ServedModel> models = new LinkedHashMap<>();
    private final HttpServer server;
    private final ExecutorService workers;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong served = new AtomicLong();
    private volatile boolean stopping;

    private ModelServer(List<ServedModel> loaded, InetSocketAddress address, int threads)
            throws IOException {
        for (ServedModel model : loaded) {
            models.put(model.name(), model);
        }
        // Without TCP_NODELAY each answer's body waits for the client's delayed ACK of its
        // headers: 40 ms a request on Linux. Read once, when the JDK's server first starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(address, 256);
        workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "serve-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts serving {@code models} on {@code address} (port 0: a free one) with
     * {@code threads} workers. The models stay the caller's to close.
     */
    public static ModelServer start(List<ServedModel> models, InetSocketAddress address,
            int threads) throws IOException {
        return new ModelServer(models, address, threads);
    }

    /** The address it listens on, with the actual port. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** How many requests were answered so far. */
    public long served() {
        return served.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        inFlight.incrementAndGet();
        try (exchange) {
            int status;
            byte[] body;
            String type = "application/json";
            try {
                if (stopping) {
                    exchange.getResponseHeaders().set("Connection", "close");
                    throw new ApiError(503, "shutting_down", "the server is stopping.");
                }
                String path = exchange.getRequestURI().getPath();
                String method = exchange.getRequestMethod();
                String page = PAGE.get(path);
                if (page != null) {
                    requireMethod(method, "GET");
                    body = resource(page);
                    type = page.endsWith(".html") ? "text/html; charset=utf-8"
                            : page.endsWith(".js") ? "text/javascript; charset=utf-8"
                                    : "text/css; charset=utf-8";
                    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
                } else if (path.equals("/ping")) {
                    requireMethod(method, "GET");
                    body = json(ping());
                } else if (path.equals("/models")) {
                    requireMethod(method, "GET");
                    body = json(listModels());
                } else if (path.startsWith(PREDICTIONS)) {
                    requireMethod(method, "POST");
                    body = json(predict(path.substring(PREDICTIONS.length()), exchange));
                } else {
                    throw new ApiError(404, "not_found", "no such resource: " + path
                            + "; the API is GET /ping, GET /models, POST /predictions/{model}.");
                }
                status = 200;
            } catch (ApiError e) {
                status = e.status();
                body = json(error(e.status(), e.type(), e.getMessage()));
            } catch (RuntimeException | OutOfMemoryError e) {
                logger.error("unexpected failure on {} {}", exchange.getRequestMethod(),
                        exchange.getRequestURI().getPath(), e);
                status = 500;
                body = json(error(500, "internal", "unexpected " + e.getClass().getSimpleName()
                        + "; the server log has the details."));
            }
            Headers headers = exchange.getResponseHeaders();
            headers.set("Content-Type", type);
            headers.set("X-Content-Type-Options", "nosniff");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            served.incrementAndGet();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private JsonObject predict(String name, HttpExchange exchange) throws IOException {
        ServedModel model = models.get(name);
        if (model == null) {
            throw new ApiError(404, "unknown_model", "no model named '" + name
                    + "'; GET /models lists them: " + String.join(", ", models.keySet()) + ".");
        }
        byte[] request = readBody(exchange);
        return model.answer(request, exchange.getRequestHeaders().getFirst("Content-Type"));
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                throw new ApiError(400, "bad_content_length", "Content-Length '" + length
                        + "' is not a number.");
            }
            if (declared > MAX_BODY_BYTES) {
                discard(exchange);
                throw tooLarge(declared);
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            ByteArrayOutputStream body = new ByteArrayOutputStream(
                    length == null ? 8192 : (int) Long.parseLong(length.strip()));
            byte[] buffer = new byte[16384];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                body.write(buffer, 0, read);
                if (body.size() > MAX_BODY_BYTES) {
                    discard(exchange);
                    throw tooLarge(body.size());
                }
            }
            return body.toByteArray();
        }
    }

    /**
     * Reads and drops the rest of a body that is too large, up to {@link #DRAIN_BYTES}, so that
     * a client still sending it reads the 413 instead of a reset connection; beyond that the
     * connection is closed.
     */
    private static void discard(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Connection", "close");
        InputStream in = exchange.getRequestBody();
        long dropped = 0;
        byte[] buffer = new byte[65536];
        int read;
        while (dropped < DRAIN_BYTES && (read = in.read(buffer)) >= 0) {
            dropped += read;
        }
    }

    private static ApiError tooLarge(long bytes) {
        return new ApiError(413, "body_too_large", "the body has " + (bytes > MAX_BODY_BYTES
                ? "over " : "") + MAX_BODY_BYTES + " bytes; send at most " + (MAX_BODY_BYTES >> 20)
                + " MB (a digit needs a few kB).");
    }

    private static void requireMethod(String method, String wanted) {
        if (!method.equals(wanted)) {
            throw new ApiError(405, "method_not_allowed", method + " is not allowed here; use "
                    + wanted + ".");
        }
    }

    private static JsonObject ping() {
        JsonObject ping = new JsonObject();
        ping.addProperty("status", "Healthy");
        return ping;
    }

    private JsonObject listModels() {
        JsonArray list = new JsonArray();
        models.values().forEach(m -> list.add(m.describe()));
        JsonObject answer = new JsonObject();
        answer.add("models", list);
        return answer;
    }

    static JsonObject error(int status, String type, String message) {
        JsonObject error = new JsonObject();
        error.addProperty("code", status);
        error.addProperty("type", type);
        error.addProperty("message", message);
        return error;
    }

    private static byte[] json(JsonObject object) {
        return object.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ModelServer.class.getResourceAsStream("page/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks the page's " + name);
            }
            return in.readAllBytes();
        }
    }

    /**
     * Stops taking requests (new ones get 503), waits up to {@code graceSeconds} for those in
     * flight to be answered, then closes the socket and the workers.
     *
     * @return whether every request in flight was answered
     */
    public boolean stop(long graceSeconds) throws InterruptedException {
        stopping = true;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(graceSeconds);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        boolean drained = inFlight.get() == 0;
        server.stop(0);
        workers.shutdown();
        workers.awaitTermination(Math.max(1, graceSeconds), TimeUnit.SECONDS);
        return drained;
    }

    @Override
    public void close() throws InterruptedException {
        stop(0);
    }
}
