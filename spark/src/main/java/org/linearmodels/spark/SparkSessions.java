package org.linearmodels.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.linearmodels.errors.Causes;
import org.linearmodels.errors.DeviceException;

/**
 * The Spark session of a Spark command: embedded ({@code local[*]}) or a cluster's master. For
 * a cluster it ships the jars of this process's class path that hold the project's code (the
 * executors deserialize its functions), unless {@code spark.jars} is set (spark-submit sets it).
 */
public final class SparkSessions {

    /** How long the driver waits to reach a cluster's master before giving up. */
    private static final int CONNECT_MILLIS = 5000;

    private SparkSessions() {}

    /** Whether {@code master} runs Spark inside this process. */
    public static boolean isLocal(String master) {
        return master.equals("local") || master.startsWith("local[");
    }

    /**
     * A session on {@code master}, its settings {@code conf} (spark-submit's {@code --conf})
     * over these defaults: for an embedded master, a driver on loopback and no web UI.
     *
     * @param jobJars the jars to ship to a cluster's executors when spark.jars is unset
     */
    public static SparkSession start(String appName, String master, Map<String, String> conf,
            List<Path> jobJars) {
        SparkConf settings = new SparkConf().setAppName(appName).setMaster(master);
        if (isLocal(master)) {
            settings.set("spark.driver.host", "127.0.0.1")
                    .set("spark.driver.bindAddress", "127.0.0.1")
                    .set("spark.ui.enabled", "false");
        } else {
            requireReachable(master);
            List<String> jars = new ArrayList<>();
            for (Path jar : jobJars) {
                jars.add(jar.toUri().toString());
            }
            settings.setIfMissing("spark.jars", String.join(",", jars));
        }
        conf.forEach(settings::set);
        return SparkSession.builder().config(settings).getOrCreate();
    }

    /**
     * The jars that hold {@code classes}: what a cluster's executors need of this program. A
     * class loaded from a directory (a build's target/classes) cannot be shipped: say how to
     * build the jar.
     */
    public static List<Path> jarsOf(Class<?>... classes) {
        List<Path> jars = new ArrayList<>();
        for (Class<?> type : classes) {
            Path location;
            try {
                location = Path.of(type.getProtectionDomain().getCodeSource().getLocation()
                        .toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
            if (!jars.contains(location) && Files.isRegularFile(location)) {
                jars.add(location);
            }
        }
        return jars;
    }

    /**
     * Refuses a {@code spark://host:port} master that does not answer, at once and in one
     * line: Spark itself retries for a minute, then stops its context under the job.
     */
    static void requireReachable(String master) {
        if (!master.startsWith("spark://")) {
            return;  // yarn, k8s, mesos: their clients report for themselves
        }
        Exception last = null;
        for (String hostPort : master.substring("spark://".length()).split(",")) {
            URI address = URI.create("spark://" + hostPort);
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address.getHost(), address.getPort()),
                        CONNECT_MILLIS);
                return;  // one master of a standby list is enough
            } catch (IOException | IllegalArgumentException e) {
                last = e;  // refused, timed out, an unknown host, or no port in the URL
            }
        }
        throw new DeviceException("cannot reach the Spark master " + master + " ("
                + Causes.of(last) + "): start it, or check --master's host and port (the"
                + " master's log prints its spark:// URL).", last);
    }
}
