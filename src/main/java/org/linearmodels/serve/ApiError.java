package org.linearmodels.serve;

/**
 * A request the server refuses: answered with {@code status} and the JSON
 * {@code {"code": status, "type": type, "message": message}}, never a stack trace.
 */
public final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;

    public ApiError(int status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
    }

    public int status() {
        return status;
    }

    /** A short name for the problem, e.g. {@code not_an_image}. */
    public String type() {
        return type;
    }
}
