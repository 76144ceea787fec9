package org.linearmodels.errors;

/** Output that cannot be written (read-only, full, not a directory), or that another run holds. */
public class OutputException extends LinearModelsException {

    private static final long serialVersionUID = 1L;

    public OutputException(String message) {
        super(message);
    }

    public OutputException(String message, Throwable cause) {
        super(message, cause);
    }
}
