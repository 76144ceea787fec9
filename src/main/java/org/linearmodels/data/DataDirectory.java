package org.linearmodels.data;

import java.nio.file.Path;

/** Chooses the one directory all data sets are cached in. */
public final class DataDirectory {

    public static final String ENV_VARIABLE = "LINEARMODELS_DATA_DIR";
    public static final String DEFAULT_DESCRIPTION = "~/.cache/djl-linear-models";

    private DataDirectory() {}

    /** The flag's value if given, else the environment variable, else the per-user cache. */
    public static Path resolve(Path flag) {
        if (flag != null) {
            return flag.toAbsolutePath();
        }
        String fromEnv = System.getenv(ENV_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath();
        }
        String xdgCache = System.getenv("XDG_CACHE_HOME");
        Path cacheHome = xdgCache != null && !xdgCache.isBlank()
                ? Path.of(xdgCache)
                : Path.of(System.getProperty("user.home"), ".cache");
        return cacheHome.resolve("djl-linear-models");
    }
}
