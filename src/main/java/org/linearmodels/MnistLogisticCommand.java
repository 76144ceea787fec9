package org.linearmodels;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.linearmodels.cli.DataOptions;
import org.linearmodels.cli.EngineOptions;
import org.linearmodels.cli.Preset;
import org.linearmodels.cli.ResumeOption;
import org.linearmodels.cli.TrainingOptions;
import org.linearmodels.cli.Versions;
import org.linearmodels.data.DatasetCache;
import org.linearmodels.data.ImageDataset;
import org.linearmodels.data.ImageSplits;
import org.linearmodels.engine.PyTorch;
import org.linearmodels.model.CheckpointFiles;
import org.linearmodels.model.CorrectCount;
import org.linearmodels.model.Framing;
import org.linearmodels.model.Manifest;
import org.linearmodels.model.ModelSpec;
import org.linearmodels.model.OptimizerChoice;
import org.linearmodels.model.Schedule;
import org.linearmodels.model.TrainingSettings;
import org.linearmodels.predict.PrintedDigits;
import org.linearmodels.train.CheckpointSaver;
import org.linearmodels.train.History;
import org.linearmodels.train.Resume;
import org.linearmodels.train.RunTimer;
import org.linearmodels.train.StepLog;
import org.linearmodels.train.TrackedLoss;
import org.linearmodels.train.TrainingChart;
import org.linearmodels.train.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The command around {@link MnistLogistic}'s lesson: flags and presets, the step log, the
 * chart, a checkpoint with its manifest every epoch, resume and timings, attached as listeners
 * to the config the lesson builds.
 */
@Command(name = "MnistLogistic", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = Versions.class,
        description = "Trains multinomial logistic regression on MNIST (tutorial T4), saves the"
                + " checkpoint, a chart and the run's manifest, and prints the test accuracy.")
public final class MnistLogisticCommand implements Callable<Integer> {

    /** What a predictor needs to rebuild the lesson's block and read its answers. */
    static final ModelSpec MODEL = new ModelSpec(List.of(1L, 28L, 28L), 10,
            ModelSpec.Head.SOFTMAX, null, ImageDataset.MNIST.classNames(),
            Framing.MNIST);

    /** The fastest way found to MNIST's best linear accuracy (docs/BENCHMARKS.md). */
    static final Preset FAST = new Preset("fast", 10, 100, 0.004f, OptimizerChoice.ADAM,
            Schedule.COSINE);

    @Spec
    CommandSpec spec;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "fast: Adam, lr 0.004 decayed to 0 by cosine, batch 100, 10 epochs"
                    + " (about 92.8 %%). Flags given beside it win.")
    String preset;

    @Option(names = "--printed-digits", paramLabel = "N",
            description = "Also train on N pictures of each digit in each of 16 printed"
                    + " typefaces (Debian's fonts-urw-base35), framed as a user's picture is, so"
                    + " the model reads printed digits too; 0 for MNIST alone. Default:"
                    + " ${DEFAULT-VALUE}.")
    int printedDigits;

    @Mixin
    TrainingOptions training = new TrainingOptions(MnistLogistic.NUM_EPOCHS,
            MnistLogistic.BATCH_SIZE, MnistLogistic.LEARNING_RATE,
            Path.of("models", MnistLogistic.NAME));

    @Mixin
    ResumeOption resume = new ResumeOption();

    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Override
    public Integer call() throws IOException, TranslateException {
        TrainingChart.warmUpInBackground();  // on the second core, while the engine loads
        if (preset != null) {
            Preset.named(preset, List.of(FAST), spec).applyTo(training, spec);
        }
        TrainingSettings settings = training.toSettings(spec);
        if (printedDigits < 0 || printedDigits > 1000) {
            throw new ParameterException(spec.commandLine(), "--printed-digits must be between"
                    + " 0 and 1000, got " + printedDigits);
        }
        training.claimOutputDir();
        RunTimer timer = new RunTimer();
        Device device = engine.trainingDevice(spec);
        timer.lap("engine");
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            DatasetCache cache = new DatasetCache(data.resolveDataDir());
            long limit = data.resolveLimit(spec);
            RandomAccessDataset train = printedDigits == 0
                    ? ImageSplits.training(cache, ImageDataset.MNIST, settings.batchSize(), limit,
                            device, manager)
                    : withPrintedDigits(cache, limit, settings, device, manager);
            RandomAccessDataset test = ImageSplits.testInBatches(cache, ImageDataset.MNIST,
                    settings.batchSize(), device, manager);
            training.requireBatchAtMost(spec, train.size());
            timer.lap("data");
            TrainingRun run = new TrainingRun(MnistLogistic.NAME, MODEL, settings)
                    .description("Tutorial T4: multinomial logistic regression on MNIST")
                    .data(ImageSplits.provenance(ImageDataset.MNIST, train.size()))
                    .option("device", device)
                    .option("limit", limit == Long.MAX_VALUE ? "all" : limit)
                    .option("preset", preset == null ? "tutorial" : preset)
                    .option("printed-digits", printedDigits);
            Resume from = resume.from(training.outputDir, run);
            History history = new History(CorrectCount.argmax(), from.history());
            var chart = new TrainingChart(history, training.outputDir.resolve(TrainingChart.FILE),
                    "MNIST logistic regression", TrainingChart.Layout.SPLIT, settings.epochs());
            PyTorch.engine().setRandomSeed(settings.seed());
            Manifest manifest = train(run, from, history, chart, training, 100, train, test,
                    device);
            System.out.printf(Locale.ROOT,
                    "Accuracy of the model on the %d test images: %.2f %%%n", test.size(),
                    100 * history.last().testAccuracy());
            timer.lap("training");
            CheckpointFiles.updateManifest(training.outputDir,
                    manifest.withTimings(timer.seconds()));
        }
        return 0;
    }

    /** MNIST's training images and {@link PrintedDigits}' pictures, shuffled together. */
    private RandomAccessDataset withPrintedDigits(DatasetCache cache, long limit,
            TrainingSettings settings, Device device, NDManager manager) {
        NDList mnist = ImageSplits.raw(cache, ImageDataset.MNIST, true, limit, manager);
        NDList printed = PrintedDigits.draw(printedDigits, settings.seed(), manager);
        return ImageSplits.inBatches(mnist.get(0).concat(printed.get(0)),
                mnist.get(1).concat(printed.get(1)), settings.batchSize(), true, device);
    }

    /**
     * Trains the lesson's model through its steps, with the listeners the flags ask for and a
     * checkpoint every epoch; also T5's concise version ({@code FashionMnistSoftmax --mode
     * trainer}), whose model is the same.
     *
     * @param logEvery steps between two of the tutorial's step lines; 0 for none
     */
    static Manifest train(TrainingRun run, Resume from, History history, TrainingChart chart,
            TrainingOptions training, int logEvery, RandomAccessDataset train, Dataset test,
            Device device) throws IOException, TranslateException {
        TrainingSettings settings = run.settings();
        int epochs = settings.epochs();
        long steps = (train.size() + settings.batchSize() - 1) / settings.batchSize();
        var checkpoint = new CheckpointSaver(run, history, training.outputDir, 1, epochs);
        // DJL's data iterator gathers the next two batches on this thread while a step runs
        ExecutorService loader = Executors.newSingleThreadExecutor();
        DefaultTrainingConfig config = MnistLogistic.config(settings.learningRate())
                .optExecutorService(loader)
                .optDevices(new Device[] {device})
                // History first: the others read it
                .addTrainingListeners(history)
                .addTrainingListeners(training.listeners(history, from, 1))
                .addTrainingListeners(chart, checkpoint);
        if (logEvery > 0) {
            config.addTrainingListeners(new StepLog(logEvery, steps, from.epochsDone(), epochs));
        }
        if (!settings.isTutorialSgd()) {  // --optimizer, --momentum, --schedule or a preset
            config.optOptimizer(settings.newOptimizer(steps, from.epochsDone()));
        }
        try (Model model = MnistLogistic.model(device);
                Trainer trainer = MnistLogistic.trainer(model, TrackedLoss.in(config))) {
            from.restore(model, epochs);
            MnistLogistic.train(trainer, epochs - from.epochsDone(), train, test);
        } finally {
            loader.shutdown();
        }
        return checkpoint.saved();
    }
}
