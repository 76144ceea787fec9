package org.linearmodels.model;

import ai.djl.Model;

/** A checkpoint loaded into memory: the model with its parameters, and its manifest. */
public record Checkpoint(Model model, Manifest manifest) implements AutoCloseable {

    @Override
    public void close() {
        model.close();
    }
}
