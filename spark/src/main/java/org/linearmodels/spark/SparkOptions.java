package org.linearmodels.spark;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** The flags of every Spark command: where it runs, and Spark's own settings. */
public class SparkOptions {

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark's master: local[N] or local[*] runs embedded; spark://HOST:PORT"
                    + " a standalone cluster. Default: ${DEFAULT-VALUE}.")
    public String master = "local[*]";

    @Option(names = "--conf", paramLabel = "KEY=VALUE",
            description = "A Spark setting, as spark-submit's --conf; repeatable.")
    public Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = {"-v", "--verbose"},
            description = "Print the stack trace of an error.")
    public boolean verbose;

    /** The session these flags ask for; see {@link SparkSessions#start}. */
    public SparkSession start(String appName, List<Path> jobJars) {
        return SparkSessions.start(appName, master, conf, jobJars);
    }
}
