package org.linearmodels.errors;

/**
 * A failure the user can fix. Its message is the single line the command prints: it names the
 * input that is wrong and what to do about it. The exit code tells scripts which kind it was.
 */
public class UserError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;

    public UserError(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public UserError(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
