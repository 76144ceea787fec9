package org.linearmodels.errors;

/**
 * A failure the caller can fix. Each subclass names one kind (data unavailable or corrupt, bad
 * input, checkpoint, divergence, device, output), so that a program can tell them apart by type;
 * the message is one line naming the input that is wrong and what to do about it, fit to show a
 * user as it is.
 */
public abstract class LinearModelsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected LinearModelsException(String message) {
        super(message);
    }

    protected LinearModelsException(String message, Throwable cause) {
        super(message, cause);
    }
}
