package org.linearmodels.data;

import java.nio.file.Files;
import java.nio.file.Path;
import org.linearmodels.errors.OutputException;

/** Chooses the one directory all data sets are cached in. */
public final class DataDirectory {

    public static final String ENV_VARIABLE = "LINEARMODELS_DATA_DIR";
    public static final String DEFAULT_DESCRIPTION = "~/.cache/djl-linear-models";

    private DataDirectory() {}

    /**
     * The flag's value if given, else the environment variable, else the per-user cache. A
     * given path through a regular file is refused here, where it can be named: later it would
     * read as a failed download.
     */
    public static Path resolve(Path flag) {
        if (flag != null) {
            return requireDirectory(flag.toAbsolutePath(), "--data-dir");
        }
        String fromEnv = System.getenv(ENV_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return requireDirectory(Path.of(fromEnv).toAbsolutePath(), "$" + ENV_VARIABLE);
        }
        String xdgCache = System.getenv("XDG_CACHE_HOME");
        Path cacheHome = xdgCache != null && !xdgCache.isBlank()
                ? Path.of(xdgCache)
                : Path.of(System.getProperty("user.home"), ".cache");
        return cacheHome.resolve("djl-linear-models");
    }

    /** {@code path} when it is a directory or can become one (its nearest existing parent is). */
    private static Path requireDirectory(Path path, String origin) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            // Exit 9 as for --output-dir: the cache is where fetched data sets are written.
            throw new OutputException(origin + " " + path + " is not a directory"
                    + (existing.equals(path) ? "" : " (" + existing + " is a file)") + "; give"
                    + " the directory data sets are cached in.");
        }
        return path;
    }
}
