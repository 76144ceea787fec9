package org.linearmodels.model;

/**
 * The figures of one finished epoch.
 *
 * @param trainAccuracy null where the task has no accuracy (regression)
 * @param testAccuracy null where there is no test set
 */
public record EpochRecord(int epoch, double trainLoss, Double trainAccuracy, Double testAccuracy,
        double seconds) {}
