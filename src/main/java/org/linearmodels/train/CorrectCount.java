package org.linearmodels.train;

import ai.djl.ndarray.NDArray;

/**
 * Counts a batch's correct predictions on the device, leaving the sum there. DJL's Accuracy
 * evaluators do the same with two dtype copies and a count_nonzero: 170 µs of a 400 µs T4 step
 * (docs/PERFORMANCE.md).
 */
@FunctionalInterface
public interface CorrectCount {

    /** @return a scalar: how many rows of {@code predictions} match {@code labels} */
    NDArray count(NDArray predictions, NDArray labels);

    /** Multiclass logits (n, classes) against int64 class indices (n). */
    static CorrectCount argmax() {
        return (predictions, labels) -> predictions.argMax(1).eq(labels).sum();
    }

    /** One logit per row (n, 1) against 0/1 labels (n, 1): class 1 where the logit is positive. */
    static CorrectCount logitSign() {
        return (predictions, labels) -> predictions.gt(0f).eq(labels.gt(0.5f)).sum();
    }
}
