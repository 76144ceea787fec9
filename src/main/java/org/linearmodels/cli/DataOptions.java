package org.linearmodels.cli;

import java.nio.file.Path;
import org.linearmodels.data.DataDirectory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Where the cached image data sets live, and how much of them a run uses. */
public class DataOptions {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "The data cache. Default: $" + DataDirectory.ENV_VARIABLE
                    + " if set, else " + DataDirectory.DEFAULT_DESCRIPTION + ".")
    public Path dataDir;

    @Option(names = "--limit", paramLabel = "N",
            description = "Use only the first N images of the set (quick runs). Default: all.")
    public Long limit;

    /** The data directory the flag, the environment variable or the default names. */
    public Path resolveDataDir() {
        return DataDirectory.resolve(dataDir);
    }

    /** The limit to pass to a DJL dataset builder: {@code Long.MAX_VALUE} for all. */
    public long resolveLimit(CommandSpec spec) {
        if (limit == null) {
            return Long.MAX_VALUE;
        }
        if (limit < 1) {
            throw new ParameterException(spec.commandLine(),
                    "--limit must be at least 1, got " + limit);
        }
        return limit;
    }
}
