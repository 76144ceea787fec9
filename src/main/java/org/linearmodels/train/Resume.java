package org.linearmodels.train;

import ai.djl.Model;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.linearmodels.errors.CheckpointException;
import org.linearmodels.model.CheckpointFiles;
import org.linearmodels.model.EpochRecord;
import org.linearmodels.model.Manifest;
import org.linearmodels.model.OptimizerChoice;
import org.linearmodels.model.TrainingSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a run starts: from nothing, or with {@code --resume} from the checkpoint in its output
 * directory (its parameters, its history, the epoch after its last). With {@link ShuffleSeed},
 * a resumed run with plain SGD ends exactly where an uninterrupted one would.
 */
public final class Resume {

    private static final Logger logger = LoggerFactory.getLogger(Resume.class);
    private static final String HINT = "run without --resume to start one";
    private static final Resume FRESH = new Resume(null, null);

    private final Path directory;
    private final Manifest from;

    private Resume(Path directory, Manifest from) {
        this.directory = directory;
        this.from = from;
    }

    /** A run that starts from nothing. */
    public static Resume fresh() {
        return FRESH;
    }

    /**
     * The checkpoint in {@code directory} when {@code resume}, checked against {@code run};
     * otherwise a fresh start.
     */
    public static Resume from(boolean resume, Path directory, TrainingRun run) {
        if (!resume) {
            return FRESH;
        }
        Manifest saved = CheckpointFiles.readManifest(directory, run.name(), HINT);
        if (!saved.model().equals(run.model())) {
            throw new CheckpointException(directory + " holds a " + run.name()
                    + " checkpoint of another shape (" + saved.model() + "), not the "
                    + run.model() + " this run trains. Resume into another --output-dir, or run"
                    + " without --resume.");
        }
        warnAboutDifferences(saved, run);
        return new Resume(directory, saved);
    }

    /** The epochs already trained: 0 for a fresh start. */
    public int epochsDone() {
        return from == null ? 0 : from.epoch();
    }

    /** The records of the epochs already trained. */
    public List<EpochRecord> history() {
        return from == null ? List.of() : from.history();
    }

    /**
     * Copies the checkpoint's parameters into {@code model}, whose trainer has initialised them;
     * nothing for a fresh start.
     */
    public void restore(Model model, int epochs) {
        if (from != null) {
            CheckpointFiles.restoreInto(model, directory, HINT);
            logger.info("Resuming from epoch {} of {} ({})", from.epoch(), epochs,
                    directory.resolve(from.paramsFile()));
        }
    }

    /** Says where a resumed run cannot end as an uninterrupted one would. */
    private static void warnAboutDifferences(Manifest saved, TrainingRun run) {
        TrainingSettings before = saved.training();
        TrainingSettings now = run.settings();
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
        if (!Objects.equals(saved.data(), run.data())) {
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
}
