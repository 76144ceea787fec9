package org.linearmodels.model;

import ai.djl.training.optimizer.Optimizer;

/**
 * The hyper-parameters of one training run, as the flags gave them.
 *
 * @param momentum null for the optimiser's own default
 * @param schedule null is read as {@link Schedule#CONSTANT} (manifests written before it)
 */
public record TrainingSettings(int epochs, int batchSize, float learningRate,
        OptimizerChoice optimizer, Float momentum, int seed, Schedule schedule) {

    public TrainingSettings {
        schedule = schedule == null ? Schedule.CONSTANT : schedule;
    }

    /** Whether these are the tutorials' plain SGD at a fixed rate, which the lessons build. */
    public boolean isTutorialSgd() {
        return optimizer == OptimizerChoice.SGD && momentum == null
                && schedule == Schedule.CONSTANT;
    }

    /**
     * The optimiser for a run of {@code stepsPerEpoch} steps an epoch, starting after
     * {@code epochsDone} epochs (a resumed run), so its schedule is where it was.
     */
    public Optimizer newOptimizer(long stepsPerEpoch, int epochsDone) {
        int totalSteps = Math.toIntExact(stepsPerEpoch * epochs);
        return optimizer.create(schedule.tracker(learningRate, totalSteps), momentum,
                Math.toIntExact(stepsPerEpoch * epochsDone));
    }
}
