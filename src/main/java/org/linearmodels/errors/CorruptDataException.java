package org.linearmodels.errors;

/** A data file that is there but unusable: wrong checksum, bad IDX header, truncated, bad CSV. */
public class CorruptDataException extends LinearModelsException {

    private static final long serialVersionUID = 1L;

    public CorruptDataException(String message) {
        super(message);
    }

    public CorruptDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
