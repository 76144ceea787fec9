package org.linearmodels.model;

import ai.djl.ndarray.NDArray;

/**
 * Counts a batch's correct predictions on the device, leaving the sum there. DJL's Accuracy
 * evaluator does the same with two dtype copies, a count_nonzero and a read-back to the JVM
 * every step: 34 µs against 14 µs of a T4 step (bench/step-costs, docs/PERFORMANCE.md).
 */
@FunctionalInterface
public interface CorrectCount {

    /** @return per row of {@code predictions}, whether it matches its label (booleans) */
    NDArray matches(NDArray predictions, NDArray labels);

    /** @return a scalar: how many rows of {@code predictions} match {@code labels} */
    default NDArray count(NDArray predictions, NDArray labels) {
        return matches(predictions, labels).sum();
    }

    /** Multiclass logits (n, classes) against int64 class indices (n). */
    static CorrectCount argmax() {
        return (predictions, labels) -> predictions.argMax(1).eq(labels);
    }

    /** One logit per row (n, 1) against 0/1 labels (n, 1): class 1 where the logit is positive. */
    static CorrectCount logitSign() {
        return (predictions, labels) -> predictions.gt(0f).eq(labels.gt(0.5f));
    }
}
