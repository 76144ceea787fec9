package org.linearmodels.train;

import ai.djl.training.optimizer.Optimizer;

/**
 * The hyper-parameters of one training run, as the flags gave them.
 *
 * @param momentum null for the optimiser's own default
 */
public record TrainingSettings(int epochs, int batchSize, float learningRate,
        OptimizerChoice optimizer, Float momentum, int seed) {

    public Optimizer newOptimizer() {
        return optimizer.create(learningRate, momentum);
    }
}
