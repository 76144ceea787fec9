package org.linearmodels.io;

import java.nio.file.Path;

/**
 * The checkout's own files that defaults name, such as {@code models/<name>}, found from any
 * working directory. {@code ./run} starts a command in the directory it was typed in, so that
 * the paths a user types resolve there, and names the checkout in the system property
 * {@value #HOME_PROPERTY}; without it (Maven, the tests) the working directory is the checkout.
 */
public final class ProjectFiles {

    /** The system property {@code ./run} sets to the checkout's absolute path. */
    public static final String HOME_PROPERTY = "linearmodels.home";

    private ProjectFiles() {}

    /** {@code first/more...} in the checkout, e.g. {@code path("models", "mnist-logistic")}. */
    public static Path path(String first, String... more) {
        return resolve(Path.of(first, more));
    }

    /** {@code path} if it is absolute, else that path in the checkout. */
    public static Path resolve(Path path) {
        String home = System.getProperty(HOME_PROPERTY);
        return home == null || home.isBlank() ? path : Path.of(home).resolve(path);
    }
}
