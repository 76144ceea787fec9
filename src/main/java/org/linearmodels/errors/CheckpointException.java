package org.linearmodels.errors;

/** A model directory that cannot be used: no checkpoint, damaged, or another model or shape. */
public class CheckpointException extends LinearModelsException {

    private static final long serialVersionUID = 1L;

    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
