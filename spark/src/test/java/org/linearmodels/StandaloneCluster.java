package org.linearmodels;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.linearmodels.spark.SparkSessions;

/**
 * A Spark standalone cluster on loopback, started from the jars of this JVM's class path as
 * Spark's own scripts would: a master and workers of one core each, every process stopped by
 * {@link #close}. Its SPARK_HOME's jars/ holds Spark and the project's dependencies, as a
 * cluster set up for the project would; the driver ships the job's own jar (spark.jars).
 */
final class StandaloneCluster implements AutoCloseable {

    private final List<Process> processes = new ArrayList<>();
    private final Path home;
    private String master;

    private StandaloneCluster(Path home) {
        this.home = home;
    }

    /** A master and {@code workers} workers, logging into {@code dir}. */
    static StandaloneCluster start(Path dir, int workers) throws IOException {
        StandaloneCluster cluster = new StandaloneCluster(dir.resolve("spark-home"));
        try {
            cluster.install();
            int port = freePort();
            cluster.master = "spark://127.0.0.1:" + port;
            cluster.launch(dir.resolve("master.log"), "org.apache.spark.deploy.master.Master",
                    "--host", "127.0.0.1", "--port", String.valueOf(port),
                    "--webui-port", String.valueOf(freePort()));
            awaitListening(port);
            for (int i = 0; i < workers; i++) {
                cluster.launch(dir.resolve("worker-" + i + ".log"),
                        "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                        "--cores", "1", "--memory", "1g",
                        "--work-dir", dir.resolve("work-" + i).toString(),
                        "--webui-port", String.valueOf(freePort()), cluster.master);
            }
            return cluster;
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** The master's URL, spark://127.0.0.1:PORT. */
    String master() {
        return master;
    }

    /** jars/ linked to this class path's jars, but the job's own; conf/ with quiet logs. */
    private void install() throws IOException {
        Path jars = Files.createDirectories(home.resolve("jars"));
        Path job = SparkSessions.jarsOf(SparkPredict.class).stream().findFirst().orElseThrow(
                () -> new IllegalStateException("the cluster test runs after package (mvn"
                        + " verify), so that the executors can be sent the job's jar"));
        int i = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path jar = Path.of(entry).toAbsolutePath();
            if (entry.endsWith(".jar") && !jar.equals(job)) {
                // Numbered: two artifacts may share a file name
                Files.createSymbolicLink(jars.resolve(i++ + "-" + jar.getFileName()), jar);
            }
        }
        Path conf = Files.createDirectories(home.resolve("conf"));
        try (var defaults = StandaloneCluster.class.getResourceAsStream("/log4j2.properties")) {
            Files.copy(defaults, conf.resolve("log4j2.properties"));
        }
    }

    private void launch(Path log, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + Path.of("jvm.options").toAbsolutePath(),
                "-cp", home.resolve("conf") + File.pathSeparator + home.resolve("jars") + "/*",
                mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("SPARK_HOME", home.toString());
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        // Without it every executor launch fails with "Cannot find any build directories"
        env.put("SPARK_SCALA_VERSION", "2.12");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        processes.add(builder.start());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits for the master to accept connections: a condition, with a deadline. */
    private static void awaitListening(int port) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the Spark master did not listen on " + port
                            + " within two minutes", e);
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(200);  // between two polls of the port
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IOException(interrupted);
                }
            }
        }
    }

    /** Stops the workers, then the master, each by its own process. */
    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process process = processes.get(i);
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
