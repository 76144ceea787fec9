package org.linearmodels.errors;

/**
 * Data that is not there: a data set neither cached nor fetchable from its registry, a CSV file
 * that cannot be read.
 */
public class DataUnavailableException extends LinearModelsException {

    private static final long serialVersionUID = 1L;

    public DataUnavailableException(String message) {
        super(message);
    }

    public DataUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
