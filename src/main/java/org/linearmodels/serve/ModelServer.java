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
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DJL Serving's inference API over the loaded models, plus the page at {@code /}:
 * {@code GET /ping}, {@code GET /models}, {@code POST /predictions/{model}}; its management
 * API, {@code GET /models/{model}}, {@code POST /models?url=DIR[&model_name=NAME]} (from the
 * {@link ModelStore} only) and {@code DELETE /models/{model}}; and {@code GET /metrics} in
 * Prometheus' text format ({@link ServerMetrics}), with a line per request on the
 * {@link AccessLog}. Every refused request is a 4xx or 5xx with JSON
 * {@code {"code", "type", "message"}}; apart from registering from the model store, a request
 * never reaches the file system (the page's files are read from the jar).
 *
 * <p>The JDK's own {@link HttpServer}: it needs no dependency, and with keep-alive and a fixed
 * pool of workers it serves these sub-millisecond predictions faster than the load aim needs.
 *
 * <p>Under overload it stays bounded: predictions run on a fixed pool of workers behind a
 * queue of fixed length, and one that does not fit is answered 503 with {@code Retry-After} at
 * once; the ping, the metrics, the management calls and the page are answered by the threads
 * that read requests, never queued behind predictions. A worker reads its request's body, so a
 * body that does not arrive within the body timeout is answered 408 and its connection closed,
 * freeing the worker.
 * An {@link OutOfMemoryError} is answered 503, stops the server taking requests and is reported
 * to the owner, who should stop it: the process's state is unknown after one.
 */
public final class ModelServer implements AutoCloseable {

    /** The logger a line per request goes to, at INFO ({@link AccessLog}). */
    public static final String ACCESS_LOG = AccessLog.LOGGER;
    /** Request bodies over this many bytes are refused (413) before they are read. */
    public static final int MAX_BODY_BYTES = 5 << 20;
    /** A too-large body is read and dropped up to this many bytes, to answer 413 cleanly. */
    private static final long DRAIN_BYTES = 64L << 20;
    /** What a 503 for a full queue asks the client to wait, in seconds. */
    private static final String RETRY_AFTER = "1";

    private static final Logger logger = LoggerFactory.getLogger(ModelServer.class);
    private static final String PREDICTIONS = "/predictions/";
    private static final String MODELS = "/models/";
    private static final Map<String, String> PAGE = Map.of(
            "/", "index.html",
            "/index.html", "index.html",
            "/app.js", "app.js",
            "/style.css", "style.css");
    private static final AtomicInteger THREADS = new AtomicInteger();

    /**
     * How much the server takes on: {@code workers} predictions at once, {@code queue} more
     * waiting for a worker, and {@code bodyTimeout} for a request's body to arrive once a worker
     * starts reading it.
     */
    public record Limits(int workers, int queue, Duration bodyTimeout) {}

    private final ModelRegistry models;
    private final ModelStore store;
    private final ServerMetrics metrics;
    private final HttpServer server;
    private final ExecutorService readers;
    private final ThreadPoolExecutor workers;
    private final ScheduledThreadPoolExecutor alarms;
    private final Duration bodyTimeout;
    private final Runnable onFatal;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger predicting = new AtomicInteger();
    private final AtomicLong served = new AtomicLong();
    private volatile boolean stopping;
    private final AtomicReference<OutOfMemoryError> fatal = new AtomicReference<>();

    private ModelServer(List<? extends Served> loaded, InetSocketAddress address, Limits limits,
            ModelStore store, Runnable onFatal) throws IOException {
        models = new ModelRegistry(loaded);
        this.store = store;
        this.bodyTimeout = limits.bodyTimeout();
        this.onFatal = onFatal;
        server = HttpServer.create(address, 256);
        // The JDK's dispatcher hands a connection over only once its request has begun to
        // arrive, and these threads only parse headers and answer or hand over, so they need
        // no bound of their own: the queue bounds the predictions, the timeout their bodies.
        readers = Executors.newCachedThreadPool(daemons("serve-http-"));
        workers = new ThreadPoolExecutor(limits.workers(), limits.workers(), 0,
                TimeUnit.MILLISECONDS, limits.queue() == 0 ? new SynchronousQueue<>()
                        : new ArrayBlockingQueue<>(limits.queue()), daemons("serve-"));
        ScheduledThreadPoolExecutor alarm = new ScheduledThreadPoolExecutor(1,
                daemons("serve-timeout-"));
        // A body's alarm is cancelled once the body is in: dropped then, rather than held for
        // the whole timeout, it stays short-lived garbage instead of filling the old heap.
        alarm.setRemoveOnCancelPolicy(true);
        alarms = alarm;
        metrics = new ServerMetrics(() -> workers.getQueue().size(), workers::getActiveCount,
                inFlight::get);
        server.setExecutor(readers);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts serving {@code models} on {@code address} (port 0: a free one) within
     * {@code limits}. The server takes the models over: it closes each when it is unregistered
     * or the server stops, once the predictions using it have finished. {@code POST /models}
     * registers directories from {@code store} (null: it is refused). {@code onFatal} runs once
     * the server has run out of memory and stopped taking requests; the caller should then
     * {@link #stop} it and end the process.
     */
    public static ModelServer start(List<? extends Served> models, InetSocketAddress address,
            Limits limits, ModelStore store, Runnable onFatal) throws IOException {
        return new ModelServer(models, address, limits, store, onFatal);
    }

    private static ThreadFactory daemons(String prefix) {
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The address it listens on, with the actual port. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** How many requests were answered so far. */
    public long served() {
        return served.get();
    }

    /** Whether it ran out of memory, after which it answers nothing but 503. */
    public boolean failed() {
        return fatal.get() != null;
    }

    /** Predictions taken and not yet answered: those on a worker and those queued for one. */
    int predicting() {
        return predicting.get();
    }

    /** Body timeouts still scheduled: one per body being read, none once bodies are in. */
    int alarmsPending() {
        return alarms.getQueue().size();
    }

    /** The status, media type and bytes of an answer. */
    private record Answer(int status, String type, byte[] body) {

        static Answer json(int status, JsonObject object) {
            return new Answer(status, "application/json",
                    object.toString().getBytes(StandardCharsets.UTF_8));
        }

        static Answer of(ApiError e) {
            return json(e.status(), error(e.status(), e.type(), e.getMessage()));
        }
    }

    /** Runs on the JDK server's threads: answers all but predictions, which it hands over. */
    private void handle(HttpExchange exchange) {
        long start = System.nanoTime();
        inFlight.incrementAndGet();
        String label = ServerMetrics.NO_MODEL;
        Answer answer;
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
                String type = page.endsWith(".html") ? "text/html; charset=utf-8"
                        : page.endsWith(".js") ? "text/javascript; charset=utf-8"
                                : "text/css; charset=utf-8";
                exchange.getResponseHeaders().set("Cache-Control", "no-cache");
                answer = new Answer(200, type, resource(page));
            } else if (path.equals("/ping")) {
                requireMethod(method, "GET");
                answer = Answer.json(200, ping());
            } else if (path.equals("/metrics")) {
                requireMethod(method, "GET");
                answer = new Answer(200, metrics.contentType(), metrics.scrape());
            } else if (path.equals("/models")) {
                requireMethod(method, "GET", "POST");
                answer = Answer.json(200, method.equals("GET") ? listModels()
                        : register(exchange.getRequestURI().getRawQuery()));
            } else if (path.startsWith(MODELS)) {
                requireMethod(method, "GET", "DELETE");
                String name = path.substring(MODELS.length());
                answer = Answer.json(200, method.equals("GET") ? models.get(name).describe()
                        : unregister(name));
            } else if (path.startsWith(PREDICTIONS)) {
                requireMethod(method, "POST");
                ModelRegistry.Entry model = models.acquire(path.substring(PREDICTIONS.length()));
                label = model.model().name();
                predicting.incrementAndGet();
                try {
                    workers.execute(() -> predict(model, exchange, start));
                    return;
                } catch (RejectedExecutionException e) {
                    predicting.decrementAndGet();
                    model.release();
                    exchange.getResponseHeaders().set("Retry-After", RETRY_AFTER);
                    throw new ApiError(503, "busy", "every worker is busy and the queue is"
                            + " full; retry after " + RETRY_AFTER + " s.");
                }
            } else {
                throw new ApiError(404, "not_found", "no such resource: " + path
                        + "; the API is GET /ping, GET /models, POST /predictions/{model},"
                        + " GET /metrics, GET and DELETE /models/{model}, POST /models?url=DIR.");
            }
        } catch (ApiError e) {
            answer = Answer.of(e);
        } catch (RuntimeException | OutOfMemoryError e) {
            answer = unexpected(exchange, e);
        }
        send(exchange, answer, label, start);
    }

    /** Runs on a worker: reads the body, predicts and answers. */
    private void predict(ModelRegistry.Entry model, HttpExchange exchange, long start) {
        String label = model.model().name();
        Answer answer;
        try {
            byte[] request = readBody(exchange, label, start);
            answer = Answer.json(200, model.model().answer(request,
                    exchange.getRequestHeaders().getFirst("Content-Type")));
        } catch (ApiError e) {
            answer = Answer.of(e);
        } catch (BodyTimedOut e) {
            answer = null;
        } catch (IOException e) {
            // A client that broke off its body is answered, if it still listens, and let go.
            logger.debug("reading a body: {}", e.toString());
            exchange.getResponseHeaders().set("Connection", "close");
            answer = Answer.of(new ApiError(400, "broken_body", "the body could not be read ("
                    + e.getMessage() + ")."));
        } catch (RuntimeException | OutOfMemoryError e) {
            answer = unexpected(exchange, e);
        } finally {
            predicting.decrementAndGet();
            model.release();
        }
        if (answer == null) {
            // The alarm has answered 408; the connection is closed.
            exchange.close();
            inFlight.decrementAndGet();
        } else {
            send(exchange, answer, label, start);
        }
    }

    private Answer unexpected(HttpExchange exchange, Throwable e) {
        String request = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        if (e instanceof OutOfMemoryError oom) {
            return outOfMemory(exchange, request, oom);
        }
        logger.error("unexpected failure on {}", request, e);
        return Answer.json(500, error(500, "internal", "unexpected "
                + e.getClass().getSimpleName() + "; the server log has the details."));
    }

    /**
     * Stops taking requests at once and tells the owner: after an OutOfMemoryError any
     * thread's work may have been cut short, so serving on could answer wrongly.
     */
    private Answer outOfMemory(HttpExchange exchange, String request, OutOfMemoryError e) {
        stopping = true;
        if (fatal.compareAndSet(null, e)) {
            logger.error("out of memory on {} ({}); stopping the server", request,
                    e.getMessage());
            onFatal.run();
        }
        exchange.getResponseHeaders().set("Connection", "close");
        return Answer.json(503, error(503, "out_of_memory", "the server ran out of memory"
                + " and is stopping."));
    }

    /**
     * Answers, having counted the answer first, so that a client that has read it sees it
     * counted; {@code label} is the served model it went to, {@code start} when it came.
     */
    private void send(HttpExchange exchange, Answer answer, String label, long start) {
        answered(exchange, label, answer.status(), answer.body().length, start);
        try (exchange) {
            Headers headers = exchange.getResponseHeaders();
            headers.set("Content-Type", answer.type());
            headers.set("X-Content-Type-Options", "nosniff");
            exchange.sendResponseHeaders(answer.status(), answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
            served.incrementAndGet();
        } catch (IOException e) {
            logger.debug("could not answer {}: {}", exchange.getRequestURI().getPath(),
                    e.toString());
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void answered(HttpExchange exchange, String label, int status, long bytes,
            long start) {
        metrics.answered(label, status, start);
        AccessLog.answered(exchange, label, status, bytes, start);
    }

    /**
     * {@code POST /models?url=DIR[&model_name=NAME]}, as DJL Serving names its parameters; the
     * directory is loaded on this request's thread, through the checks the models at start
     * went through.
     */
    private JsonObject register(String rawQuery) {
        if (store == null) {
            throw new ApiError(403, "registration_off", "this server registers no models; it"
                    + " serves those it started with.");
        }
        Map<String, String> query = query(rawQuery);
        String url = query.get("url");
        if (url == null || url.isBlank()) {
            throw new ApiError(400, "missing_url", "POST /models needs ?url=DIR, a model"
                    + " directory in the model store " + store.root() + ".");
        }
        String name = query.get("model_name");
        if (name != null && models.contains(name)) {
            throw ModelRegistry.taken(name);
        }
        ServedModel model = store.load(url, name);
        try {
            models.register(model);
        } catch (ApiError e) {
            model.close();
            throw e;
        }
        logger.info("registered {} from {}", model.name(), url);
        return status("Model \"" + model.name() + "\" registered.");
    }

    private JsonObject unregister(String name) {
        models.unregister(name);
        logger.info("unregistered {}", name);
        return status("Model \"" + name + "\" unregistered.");
    }

    /**
     * A query's parameters, decoded; the last of a repeated one wins. By hand: the JDK has no
     * query parser, and this one needs no more than splitting and {@link URLDecoder}.
     */
    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new HashMap<>();
        if (raw == null) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                parameters.put(URLDecoder.decode(key, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new ApiError(400, "bad_query", "the query parameter '" + pair
                        + "' is not URL-encoded (" + e.getMessage() + ").");
            }
        }
        return parameters;
    }

    private static JsonObject status(String text) {
        JsonObject status = new JsonObject();
        status.addProperty("status", text);
        return status;
    }

    /**
     * The request's body, or {@link BodyTimedOut} once it has taken longer than the body
     * timeout: then an alarm has answered 408 and interrupted this thread's read, which closes
     * the connection (its channel is interruptible), so a stalled client cannot keep the worker.
     */
    private byte[] readBody(HttpExchange exchange, String label, long start)
            throws IOException, BodyTimedOut {
        BodyDeadline deadline = new BodyDeadline(exchange, Thread.currentThread(), label, start);
        ScheduledFuture<?> alarm = alarms.schedule(deadline::expire, bodyTimeout.toMillis(),
                TimeUnit.MILLISECONDS);
        byte[] body = null;
        try {
            body = readAll(exchange);
        } catch (IOException e) {
            if (!deadline.expired()) {
                throw e;
            }
        } finally {
            alarm.cancel(false);
        }
        if (deadline.finish()) {
            throw new BodyTimedOut();
        }
        return body;
    }

    /** The body did not arrive in time; the client has been answered 408. */
    private static final class BodyTimedOut extends Exception {

        private static final long serialVersionUID = 1L;

        BodyTimedOut() {
            super(null, null, false, false);
        }
    }

    /** Decides, once, whether a body read finished before its deadline or the alarm did. */
    private final class BodyDeadline {

        private final HttpExchange exchange;
        private final Thread reader;
        private final String label;
        private final long start;
        private boolean finished;
        private boolean expired;

        BodyDeadline(HttpExchange exchange, Thread reader, String label, long start) {
            this.exchange = exchange;
            this.reader = reader;
            this.label = label;
            this.start = start;
        }

        synchronized void expire() {
            if (finished) {
                return;
            }
            expired = true;
            byte[] body = error(408, "body_timeout", "the body did not arrive within "
                    + bodyTimeout.toMillis() + " ms.").toString().getBytes(StandardCharsets.UTF_8);
            Headers headers = exchange.getResponseHeaders();
            headers.set("Content-Type", "application/json");
            headers.set("Connection", "close");
            answered(exchange, label, 408, body.length, start);
            try {
                exchange.sendResponseHeaders(408, body.length);
                exchange.getResponseBody().write(body);
                exchange.getResponseBody().flush();
                served.incrementAndGet();
            } catch (IOException e) {
                logger.debug("could not answer 408: {}", e.toString());
            }
            reader.interrupt();
        }

        synchronized boolean expired() {
            return expired;
        }

        /** Ends the race with the alarm; whether the alarm won. */
        synchronized boolean finish() {
            finished = true;
            if (expired) {
                // The alarm's interrupt is spent: the worker goes back to the pool clean.
                Thread.interrupted();
            }
            return expired;
        }
    }

    private static byte[] readAll(HttpExchange exchange) throws IOException {
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

    private static void requireMethod(String method, String... wanted) {
        if (!List.of(wanted).contains(method)) {
            throw new ApiError(405, "method_not_allowed", method + " is not allowed here; use "
                    + String.join(" or ", wanted) + ".");
        }
    }

    private static JsonObject ping() {
        JsonObject ping = new JsonObject();
        ping.addProperty("status", "Healthy");
        return ping;
    }

    private JsonObject listModels() {
        JsonArray list = new JsonArray();
        models.all().forEach(m -> list.add(m.model().describe()));
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

    private static byte[] resource(String name) {
        try (InputStream in = ModelServer.class.getResourceAsStream("page/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks the page's " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops taking requests (new ones get 503), waits up to {@code graceSeconds} for those in
     * flight, queued ones included, to be answered, then closes the socket and the threads, and
     * the models once no prediction uses them.
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
        workers.shutdownNow();
        alarms.shutdownNow();
        readers.shutdown();
        workers.awaitTermination(Math.max(1, graceSeconds), TimeUnit.SECONDS);
        models.clear();
        return drained;
    }

    @Override
    public void close() throws InterruptedException {
        stop(0);
    }
}
