package org.linearmodels.cli;

import ai.djl.training.listener.TrainingListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.linearmodels.io.OutputDirectory;
import org.linearmodels.io.ProjectFiles;
import org.linearmodels.model.OptimizerChoice;
import org.linearmodels.model.Schedule;
import org.linearmodels.model.TrainingSettings;
import org.linearmodels.train.EpochSummaryLog;
import org.linearmodels.train.History;
import org.linearmodels.train.MemoryLog;
import org.linearmodels.train.Resume;
import org.linearmodels.train.ShuffleSeed;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The hyper-parameter flags of every training driver. Each driver creates this mixin with its
 * tutorial's defaults, so {@code --help} shows them and running with no flags reproduces the
 * tutorial. It holds the lock on {@code --output-dir} that {@link #claimOutputDir} takes, until
 * the command ends and {@link Cli} closes it.
 */
public class TrainingOptions implements AutoCloseable {

    @Option(names = "--epochs", paramLabel = "N",
            description = "Passes over the training set. Default: ${DEFAULT-VALUE}.")
    public int epochs;

    @Option(names = "--batch-size", paramLabel = "N",
            description = "Examples per gradient step. Default: ${DEFAULT-VALUE}.")
    public int batchSize;

    @Option(names = {"--lr", "--learning-rate"}, paramLabel = "RATE",
            description = "Learning rate. Default: ${DEFAULT-VALUE}.")
    public float learningRate;

    @Option(names = "--optimizer", paramLabel = "NAME",
            converter = OptimizerConverter.class,
            description = "sgd, adam or adamw: the optimisers DJL implements on PyTorch."
                    + " Default: ${DEFAULT-VALUE}.")
    public OptimizerChoice optimizer = OptimizerChoice.SGD;

    @Option(names = "--momentum", paramLabel = "M",
            description = "Momentum for sgd. Default: none.")
    public Float momentum;

    @Option(names = "--schedule", paramLabel = "NAME",
            description = "The learning rate over the run: constant, or cosine decay to zero."
                    + " Default: ${DEFAULT-VALUE}.")
    public Schedule schedule = Schedule.CONSTANT;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seeds initialisation and shuffling; the same seed gives the same"
                    + " numbers. Default: ${DEFAULT-VALUE}.")
    public int seed;

    @Option(names = "--output-dir", paramLabel = "DIR",
            description = "Where the checkpoint, its manifest and the pictures go."
                    + " Default: ${DEFAULT-VALUE}.")
    public Path outputDir;

    @Option(names = "--log-memory",
            description = "Log resident memory and Java heap after every epoch.")
    public boolean logMemory;

    private OutputDirectory claimed;

    public TrainingOptions() {
        this(1, 1, 0.01f, Path.of("models"));
    }

    public TrainingOptions(int epochs, int batchSize, float learningRate, Path outputDir) {
        this.epochs = epochs;
        this.batchSize = batchSize;
        this.learningRate = learningRate;
        this.outputDir = ProjectFiles.resolve(outputDir);
    }

    /**
     * Checks the ranges picocli cannot, including a batch no larger than the {@code examples}
     * of the training set, and returns the settings a training loop takes.
     */
    public TrainingSettings toSettings(CommandSpec spec, long examples) {
        requireBatchAtMost(spec, examples);
        return toSettings(spec);
    }

    /** Refuses a batch larger than the {@code examples} of the training set. */
    public void requireBatchAtMost(CommandSpec spec, long examples) {
        if (batchSize > examples) {
            throw new ParameterException(spec.commandLine(), "--batch-size " + batchSize
                    + " is larger than the " + examples + " training examples");
        }
    }

    /**
     * The listeners these flags ask for, to add after {@code history}: each epoch's shuffle
     * seeded from {@code --seed} and the epoch (so {@code --resume} shuffles alike), a summary
     * line every {@code summaryEvery} epochs (0: none), and with {@code --log-memory} the memory
     * in use.
     */
    public TrainingListener[] listeners(History history, Resume from, int summaryEvery) {
        List<TrainingListener> listeners = new ArrayList<>();
        listeners.add(new ShuffleSeed(seed, from.epochsDone()));
        if (summaryEvery > 0) {
            listeners.add(new EpochSummaryLog(history, summaryEvery, epochs));
        }
        if (logMemory) {
            listeners.add(new MemoryLog(history, epochs));
        }
        return listeners.toArray(TrainingListener[]::new);
    }

    /**
     * Makes sure {@code --output-dir} can be written and locks it for this run, before the
     * long work: a run that could not save its results, or a second run into the same
     * directory, stops here with exit code 9 and one line.
     */
    public void claimOutputDir() {
        if (claimed == null) {
            claimed = OutputDirectory.claim(outputDir, "--output-dir");
        }
    }

    /** Releases {@code --output-dir}'s lock. */
    @Override
    public void close() {
        if (claimed != null) {
            claimed.close();
            claimed = null;
        }
    }

    /** These options with another default seed. */
    public TrainingOptions withSeed(int defaultSeed) {
        seed = defaultSeed;
        return this;
    }

    /** Checks the ranges picocli cannot, and returns the settings a training loop takes. */
    public TrainingSettings toSettings(CommandSpec spec) {
        if (epochs < 1) {
            throw new ParameterException(spec.commandLine(),
                    "--epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new ParameterException(spec.commandLine(),
                    "--batch-size must be at least 1, got " + batchSize);
        }
        if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
            throw new ParameterException(spec.commandLine(),
                    TypedNames.of(spec, "--lr") + " must be a positive number, got "
                            + Cli.typed(spec, "--lr", learningRate));
        }
        if (momentum != null && !(momentum >= 0 && momentum < 1)) {
            throw new ParameterException(spec.commandLine(),
                    "--momentum must be in [0, 1), got " + Cli.typed(spec, "--momentum",
                            momentum));
        }
        if (momentum != null && optimizer != OptimizerChoice.SGD) {
            throw new ParameterException(spec.commandLine(),
                    "--momentum applies to --optimizer sgd only; " + optimizer
                            + " keeps its own moments");
        }
        return new TrainingSettings(epochs, batchSize, learningRate, optimizer, momentum, seed,
                schedule);
    }
}
