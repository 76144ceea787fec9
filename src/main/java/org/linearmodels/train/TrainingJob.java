package org.linearmodels.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.loss.Loss;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.linearmodels.engine.Engines;
import org.linearmodels.errors.ExitCode;
import org.linearmodels.errors.UserError;
import org.linearmodels.model.Checkpoints;
import org.linearmodels.model.EpochRecord;
import org.linearmodels.model.Manifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link RunPlan} trained by DJL's {@link Trainer}: seeds the engine, builds the block, runs
 * the shared {@link FitLoop} under the plan's {@link Monitor}, and checkpoints into the output
 * directory as the plan says.
 *
 * <p>A resumed plan starts from the checkpoint in its output directory: its parameters, its
 * history, the epoch after its last. Each epoch's shuffle depends only on the seed and the
 * epoch, so with plain SGD a resumed run ends exactly where an uninterrupted one would.
 */
public final class TrainingJob implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(TrainingJob.class);
    private static final String RESUME_HINT = "run without --resume to start one";

    private final RunPlan plan;
    private final Loss loss;
    private final CorrectCount accuracy;
    private final Model model;
    private final Monitor monitor;
    private final Manifest resumedFrom;
    private Trainer trainer;

    private TrainingJob(RunPlan plan, Loss loss, CorrectCount accuracy, Initializer weightInit,
            Initializer biasInit, Device device) {
        this.plan = plan;
        this.loss = loss;
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
        if (plan.resumes()) {
            resumedFrom = Checkpoints.readManifest(plan.outputDir(), plan.name(), RESUME_HINT);
            if (!resumedFrom.model().equals(plan.model())) {
                throw new UserError(ExitCode.CHECKPOINT, plan.outputDir() + " holds a "
                        + plan.name() + " checkpoint of another shape (" + resumedFrom.model()
                        + "), not the " + plan.model() + " this run trains. Resume into"
                        + " another --output-dir, or run without --resume.");
            }
            warnAboutDifferences(resumedFrom);
            monitor = plan.monitor(resumedFrom.history());
        } else {
            resumedFrom = null;
            monitor = plan.monitor();
        }
    }

    /**
     * A job whose Linear layer starts as PyTorch's {@code nn.Linear} does.
     *
     * @param accuracy counts correct predictions; null for regression
     */
    public static TrainingJob start(RunPlan plan, Loss loss, CorrectCount accuracy,
            Device device) {
        return new TrainingJob(plan, loss, accuracy, null, null, device);
    }

    /** A job whose weights and bias start from the given initialisers. */
    public static TrainingJob start(RunPlan plan, Loss loss, CorrectCount accuracy,
            Initializer weight, Initializer bias, Device device) {
        return new TrainingJob(plan, loss, accuracy, weight, bias, device);
    }

    /** The model being trained; once {@link #fit} starts, its block holds the parameters. */
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
        TrainingSettings settings = plan.settings();
        int epochs = settings.epochs();
        int epochsDone = resumedFrom == null ? 0 : resumedFrom.epoch();
        if (epochsDone >= epochs) {
            logger.info("{} already holds {} epochs of {}; nothing to train",
                    plan.outputDir(), epochsDone, epochs);
            return resumedFrom;
        }
        long stepsPerEpoch = (trainSize + settings.batchSize() - 1) / settings.batchSize();
        trainer = model.newTrainer(new DefaultTrainingConfig(loss)
                .optOptimizer(settings.newOptimizer(stepsPerEpoch, epochsDone))
                .optDevices(new Device[] {model.getNDManager().getDevice()}));
        trainer.initialize(plan.model().batchShape(1));
        if (resumedFrom != null) {
            Checkpoints.restoreInto(model, plan.outputDir(), RESUME_HINT);
            logger.info("Resuming from epoch {} of {} ({})", epochsDone, epochs,
                    plan.outputDir().resolve(resumedFrom.paramsFile()));
        }
        EpochCheckpoint checkpoint = new EpochCheckpoint();
        FitLoop loop = new FitLoop(trainer, accuracy,
                plan.logEvery() > 0 ? plan.logEvery() : Integer.MAX_VALUE,
                plan.settings().seed(), List.of(monitor, checkpoint));
        loop.fit(train, trainSize, settings.batchSize(), test, epochsDone + 1, epochs);
        return checkpoint.saved != null ? checkpoint.saved : plan.manifest(monitor.history());
    }

    /** Says where a resumed run cannot end as an uninterrupted one would. */
    private void warnAboutDifferences(Manifest saved) {
        TrainingSettings before = saved.training();
        TrainingSettings now = plan.settings();
        List<String> changed = new ArrayList<>();
        if (before.batchSize() != now.batchSize()) {
            changed.add("batch size " + before.batchSize() + " -> " + now.batchSize());
        }
        if (before.learningRate() != now.learningRate()) {
            changed.add("lr " + before.learningRate() + " -> " + now.learningRate());
        }
        if (before.optimizer() != now.optimizer()
                || !Objects.equals(before.momentum(), now.momentum())) {
            changed.add("optimizer " + before.optimizer() + " -> " + now.optimizer());
        }
        if (before.seed() != now.seed()) {
            changed.add("seed " + before.seed() + " -> " + now.seed());
        }
        if (!Objects.equals(saved.data(), plan.data())) {
            changed.add("the training data");
        }
        if (!changed.isEmpty()) {
            logger.warn("Resuming with other settings than the checkpoint's ({}): the result"
                    + " will differ from one uninterrupted run", String.join(", ", changed));
        }
        if (now.optimizer() != OptimizerChoice.SGD || now.momentum() != null) {
            logger.warn("{} keeps per-parameter state that a DJL checkpoint does not store; it"
                    + " restarts from zero, so the resumed run differs slightly from an"
                    + " uninterrupted one", now.momentum() != null ? "SGD with momentum"
                    : now.optimizer());
        }
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
        if (trainer != null) {
            trainer.close();
        }
        model.close();
    }
}
