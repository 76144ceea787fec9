package org.linearmodels.errors;

/**
 * An input given to a predictor that it cannot use: missing, unreadable, not an image, empty,
 * too large, blank.
 */
public class BadInputException extends LinearModelsException {

    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
