package org.linearmodels.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.evaluator.Evaluator;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.loss.Loss;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.linearmodels.engine.Engines;
import org.linearmodels.model.Checkpoints;
import org.linearmodels.model.EpochRecord;
import org.linearmodels.model.Manifest;

/**
 * A {@link RunPlan} trained by DJL's {@link Trainer}: seeds the engine, builds the block, runs
 * the shared {@link FitLoop} under the plan's {@link Monitor}, and checkpoints into the output
 * directory as the plan says.
 */
public final class TrainingJob implements AutoCloseable {

    private final RunPlan plan;
    private final Evaluator accuracy;
    private final Model model;
    private final Trainer trainer;
    private final Monitor monitor;

    private TrainingJob(RunPlan plan, Loss loss, Evaluator accuracy, Initializer weightInit,
            Initializer biasInit, Device device) {
        this.plan = plan;
        this.accuracy = accuracy;
        if (plan.reseeds()) {
            Engines.pytorch().setRandomSeed(plan.settings().seed());
        }
        model = Model.newInstance(plan.name(), device, Engines.NAME);
        Block block = plan.model().newBlock();
        if (weightInit != null) {
            block.setInitializer(weightInit, Parameter.Type.WEIGHT);
            block.setInitializer(biasInit, Parameter.Type.BIAS);
        }
        model.setBlock(block);
        trainer = model.newTrainer(new DefaultTrainingConfig(loss)
                .optOptimizer(plan.settings().newOptimizer())
                .optDevices(new Device[] {device}));
        trainer.initialize(plan.model().batchShape(1));
        monitor = plan.monitor();
    }

    /**
     * A job whose Linear layer starts as PyTorch's {@code nn.Linear} does.
     *
     * @param accuracy counts correct predictions; null for regression
     */
    public static TrainingJob start(RunPlan plan, Loss loss, Evaluator accuracy, Device device) {
        return new TrainingJob(plan, loss, accuracy, null, null, device);
    }

    /** A job whose weights and bias start from the given initialisers. */
    public static TrainingJob start(RunPlan plan, Loss loss, Evaluator accuracy,
            Initializer weight, Initializer bias, Device device) {
        return new TrainingJob(plan, loss, accuracy, weight, bias, device);
    }

    /** The model being trained; its block holds the current parameters. */
    public Model model() {
        return model;
    }

    /** The monitor, to add listeners to before {@link #fit}. */
    public Monitor monitor() {
        return monitor;
    }

    /**
     * Trains every epoch of the plan's settings, checkpointing as the plan says.
     *
     * @param trainSize the number of training examples
     * @param test evaluated after every epoch; null for none
     * @return the run's manifest: that of the final checkpoint, or where the plan keeps none,
     *     one that was not saved
     */
    public Manifest fit(Dataset train, long trainSize, Dataset test) {
        EpochCheckpoint checkpoint = new EpochCheckpoint();
        FitLoop loop = new FitLoop(trainer, accuracy,
                plan.logEvery() > 0 ? plan.logEvery() : Integer.MAX_VALUE,
                plan.settings().seed(), java.util.List.of(monitor, checkpoint));
        loop.fit(train, trainSize, plan.settings().batchSize(), test, 1,
                plan.settings().epochs());
        return checkpoint.saved != null ? checkpoint.saved : plan.manifest(monitor.history());
    }

    /**
     * Saves the model every {@code checkpointEvery} epochs and after the last, so a crash loses
     * at most the epochs since; never where the plan checkpoints every 0 epochs.
     */
    private final class EpochCheckpoint implements FitListener {
        private Manifest saved;

        @Override
        public void onEpochEnd(EpochRecord record, int epochs) {
            int every = plan.checkpointEvery();
            if (every > 0 && (record.epoch() % every == 0 || record.epoch() == epochs)) {
                try {
                    saved = Checkpoints.save(model, plan.outputDir(),
                            plan.manifest(monitor.history()));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot save the checkpoint in "
                            + plan.outputDir(), e);
                }
            }
        }
    }

    @Override
    public void close() {
        trainer.close();
        model.close();
    }
}
