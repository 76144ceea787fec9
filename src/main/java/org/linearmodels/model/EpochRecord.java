package org.linearmodels.model;

/**
 * The figures of one finished epoch.
 *
 * @param trainAccuracy null where the task has no accuracy (regression)
 * @param testAccuracy null where there is no test set
 * @param seconds the training steps' wall time
 * @param evalSeconds the test evaluation's wall time; null where there is none
 */
public record EpochRecord(int epoch, double trainLoss, Double trainAccuracy, Double testAccuracy,
        double seconds, Double evalSeconds) {}
