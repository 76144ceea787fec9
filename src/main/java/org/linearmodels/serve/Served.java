package org.linearmodels.serve;

import com.google.gson.JsonObject;

/**
 * What {@link ModelServer} needs of a model: {@link ServedModel} is the one it serves. The
 * server closes it once it stops serving it.
 */
public interface Served extends AutoCloseable {

    /** The name in {@code /predictions/{name}}. */
    String name();

    /** What {@code GET /models} says of it. */
    JsonObject describe();

    /**
     * The answer to {@code POST /predictions/<name>} with this body; an {@link ApiError} for a
     * body it cannot use.
     *
     * @param contentType the request's Content-Type, or null
     */
    JsonObject answer(byte[] body, String contentType);

    /** Frees what it holds; by default it holds nothing. */
    @Override
    default void close() {}
}
