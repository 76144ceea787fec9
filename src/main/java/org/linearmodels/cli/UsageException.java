package org.linearmodels.cli;

/**
 * A flag value that parses but proves unusable only when the command acts on it (a port another
 * program holds). Exit code {@link ExitCode#USAGE}; its message names the flag to change, so it
 * is printed as it is, without picocli's pointer to --help.
 */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
