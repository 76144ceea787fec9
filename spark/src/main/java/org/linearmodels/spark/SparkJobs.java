package org.linearmodels.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import org.linearmodels.errors.OutputException;

/** What the Spark commands share around their jobs. */
public final class SparkJobs {

    private SparkJobs() {}

    /**
     * Refuses an output that exists before any work: Spark would fail only after the job ran.
     * Paths with a scheme (hdfs://, s3a://) are left to Spark.
     */
    public static void requireNew(String output, String flag) {
        if (!output.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") && Files.exists(Path.of(output))) {
            throw new OutputException(flag + " " + output + " exists; remove it or choose"
                    + " another path (Spark writes a new directory there).");
        }
    }
}
