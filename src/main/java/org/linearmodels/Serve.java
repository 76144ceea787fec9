package org.linearmodels;

import ai.djl.Device;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.linearmodels.cli.Cli;
import org.linearmodels.cli.ConsoleLogs;
import org.linearmodels.cli.EngineOptions;
import org.linearmodels.cli.UsageException;
import org.linearmodels.cli.Versions;
import org.linearmodels.errors.Causes;
import org.linearmodels.io.ProjectFiles;
import org.linearmodels.serve.ModelServer;
import org.linearmodels.serve.ModelStore;
import org.linearmodels.serve.ServedModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/**
 * Serves the trained models over HTTP in DJL Serving's inference API shape, with a page to draw
 * a digit on, until SIGTERM or Ctrl-C, which finish the requests in flight and exit 0.
 */
@Command(name = "Serve", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = Versions.class,
        description = {"Serves the models over HTTP: GET /ping, GET /models,"
                + " POST /predictions/{model} (a picture's bytes for the image models, a JSON"
                + " array of numbers for the others), and a page at / to draw a digit on;"
                + " GET /metrics for Prometheus; GET and DELETE /models/{model} and"
                + " POST /models?url=DIR[&model_name=NAME] to manage the models while it runs.",
            "SIGTERM or Ctrl-C answers the requests in flight, then exits 0; running out of"
                    + " memory answers 503, stops and exits non-zero."})
public final class Serve implements Callable<Integer> {

    private static final Logger logger = LoggerFactory.getLogger(Serve.class);

    /**
     * The model the page's drawing canvas asks: T4's model at its best settings, trained on
     * printed digits beside MNIST's handwriting so that it reads the digits people make
     * (scripts/reproduce trains it).
     */
    public static final String PAGE_MODEL = "mnist-logistic-fast-printed";

    /** The committed models served by default, each under its directory's name. */
    public static final List<String> DEFAULT_MODELS = List.of(MnistLogistic.NAME, PAGE_MODEL,
            FashionMnistSoftmax.NAME, IrisLogistic.NAME, ExamLogistic.NAME, LinearRegression.NAME);

    /** Seconds after which an idle keep-alive connection is closed. */
    static final int IDLE_SECONDS = 30;

    @Spec
    CommandSpec spec;

    @Option(names = "--host", paramLabel = "ADDRESS",
            description = "The address to listen on; only this machine can connect unless it is"
                    + " another. Default: ${DEFAULT-VALUE}.")
    String host = "127.0.0.1";

    @Option(names = "--port", paramLabel = "N",
            description = "The port; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port = 8080;

    @Option(names = "--model-dir", paramLabel = "[NAME=]DIR",
            description = "A model directory to serve (repeatable), as NAME if given, else"
                    + " under the name in its manifest. Default: the six in models/.")
    List<String> modelDirs = new ArrayList<>();

    @Option(names = "--workers", paramLabel = "N",
            description = "Predictions at once. Default: the number of cores, here"
                    + " ${DEFAULT-VALUE}: more only take turns on them. Raise it for clients on"
                    + " slow links, as each holds a worker until its body is in.")
    int workers = Runtime.getRuntime().availableProcessors();

    @Option(names = "--queue", paramLabel = "N",
            description = "Predictions that wait for a worker; more are answered 503 with"
                    + " Retry-After at once. Default: ${DEFAULT-VALUE}.")
    int queue = 64;

    @Option(names = "--body-timeout", paramLabel = "SECONDS",
            description = "How long a worker waits for a request's body before answering 408"
                    + " and closing the connection. Default: ${DEFAULT-VALUE}.")
    int bodyTimeout = 10;

    @Option(names = "--model-store", paramLabel = "DIR",
            description = "The only directory POST /models may load model directories from"
                    + " (url=a path in it, or file:); other places and URL schemes are"
                    + " refused. Default: models/.")
    Path modelStore;

    @Option(names = "--access-log",
            description = "Log a line per request: client, method, path, status, bytes,"
                    + " milliseconds, model.")
    boolean accessLog;

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 0 and"
                    + " 65535, got " + port);
        }
        if (workers < 1 || workers > 1024) {
            throw new ParameterException(spec.commandLine(), "--workers must be between 1 and"
                    + " 1024, got " + workers);
        }
        if (queue < 0 || queue > 100_000) {
            throw new ParameterException(spec.commandLine(), "--queue must be between 0 and"
                    + " 100000, got " + queue);
        }
        if (bodyTimeout < 1 || bodyTimeout > 3600) {
            throw new ParameterException(spec.commandLine(), "--body-timeout must be between 1"
                    + " and 3600 seconds, got " + bodyTimeout);
        }
        Device device = engine.predictionDevice(spec);
        ModelStore store = new ModelStore(modelStore == null ? ProjectFiles.path("models")
                : modelStore, device);
        if (accessLog) {
            ConsoleLogs.accessLog();
        }
        List<ModelDir> dirs = modelDirs.isEmpty() ? DEFAULT_MODELS.stream()
                .map(name -> new ModelDir(name, ProjectFiles.path("models", name))).toList()
                : modelDirs.stream().map(ModelDir::parse).toList();
        List<ServedModel> models = new ArrayList<>();
        try {
            Set<String> names = new HashSet<>();
            for (ModelDir dir : dirs) {
                ServedModel model = ServedModel.load(dir.path(), device, dir.name());
                models.add(model);
                if (!names.add(model.name())) {
                    throw new ParameterException(spec.commandLine(), "two model directories"
                            + " are served as '" + model.name() + "'; serve one of them, or"
                            + " name one: --model-dir OTHER-NAME=DIR");
                }
            }
            CountDownLatch stop = new CountDownLatch(1);
            // SIGTERM and Ctrl-C end the wait below instead of the JVM, so that the requests in
            // flight are answered and the exit code is 0.
            Signal.handle(new Signal("TERM"), signal -> stop.countDown());
            Signal.handle(new Signal("INT"), signal -> stop.countDown());
            String serving = String.join(", ", models.stream().map(ServedModel::name).toList());
            ModelServer server;
            try {
                server = ModelServer.start(models, new InetSocketAddress(host, port),
                        new ModelServer.Limits(workers, queue, Duration.ofSeconds(bodyTimeout)),
                        store, stop::countDown);
            } catch (IOException e) {
                throw new UsageException("cannot listen on " + host + ":" + port
                        + " (" + Causes.of(e) + "); pick another --port or --host.");
            }
            // The server's now: it closes each after the last prediction that uses it.
            models.clear();
            InetSocketAddress bound = server.address();
            System.out.printf("Serving %s on http://%s:%d/ (SIGTERM or Ctrl-C stops)%n", serving,
                    bound.getHostString(), bound.getPort());
            System.out.flush();
            stop.await();
            if (server.failed()) {
                // Out of memory: every request since has been refused; the others in flight
                // get a short grace only, since the process's state is unknown.
                server.stop(5);
                throw new IllegalStateException("the server ran out of memory and stopped after "
                        + server.served() + " requests; give it a larger heap (-Xmx) or fewer"
                        + " --workers");
            }
            logger.info("Stopping: answering the requests in flight");
            boolean drained = server.stop(30);
            System.out.printf("Stopped after %d requests%s%n", server.served(),
                    drained ? "" : " (some requests were still running after 30 s)");
            return 0;
        } finally {
            // Those loaded before a failure to start.
            models.forEach(ServedModel::close);
        }
    }

    /** A directory to serve, and the name to serve it as (null: the name in its manifest). */
    private record ModelDir(String name, Path path) {

        /** {@code NAME=DIR}, where NAME is a model's name, or a plain {@code DIR}. */
        static ModelDir parse(String given) {
            int equals = given.indexOf('=');
            String name = equals > 0 ? given.substring(0, equals) : "";
            return ServedModel.isName(name)
                    ? new ModelDir(name, Path.of(given.substring(equals + 1)))
                    : new ModelDir(null, Path.of(given));
        }
    }

    public static void main(String[] args) {
        // The JDK's HttpServer reads these once, when its first server starts, for the whole
        // process; so the command sets them, not ModelServer. Without TCP_NODELAY each answer's
        // body waits for the client's delayed ACK of its headers: 40 ms a request on Linux.
        // Keep-alive connections idle this many seconds are closed (the JDK's default, made
        // explicit because the docs promise it).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        System.setProperty("sun.net.httpserver.idleInterval", String.valueOf(IDLE_SECONDS));
        Cli.run(new Serve(), args);
    }
}
