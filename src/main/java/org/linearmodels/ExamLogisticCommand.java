package org.linearmodels;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SigmoidBinaryCrossEntropyLoss;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.linearmodels.cli.EngineOptions;
import org.linearmodels.cli.TrainingOptions;
import org.linearmodels.cli.Versions;
import org.linearmodels.data.TabularData;
import org.linearmodels.data.TutorialTables;
import org.linearmodels.engine.PyTorch;
import org.linearmodels.model.CorrectCount;
import org.linearmodels.model.EpochRecord;
import org.linearmodels.model.Manifest;
import org.linearmodels.model.ModelSpec;
import org.linearmodels.model.TrainingSettings;
import org.linearmodels.plot.Figure;
import org.linearmodels.plot.TwoFeaturePlots;
import org.linearmodels.train.CheckpointSaver;
import org.linearmodels.train.EpochSummaryLog;
import org.linearmodels.train.History;
import org.linearmodels.train.LinearParameterTrace;
import org.linearmodels.train.Resume;
import org.linearmodels.train.TrainingChart;
import org.linearmodels.train.TrainingRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The command around {@link ExamLogistic}'s lesson: flags, the pictures of the data, the sigmoid
 * and the decision line before and after, the logs and timings of both trainings, the chart
 * comparing them, and the fused loss's checkpoint with its manifest.
 */
@Command(name = "ExamLogistic", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = Versions.class,
        description = "Predicts admission from two exam scores by logistic regression (tutorial"
                + " T3), comparing the hand-written clamped loss with DJL's fused loss, and draws"
                + " the data, the sigmoid and the decision line before and after training.")
public final class ExamLogisticCommand implements Callable<Integer> {

    public static final List<String> PICTURES = List.of("data.png", "sigmoid.png",
            "boundary-before.png", "boundary-after.png", TrainingChart.FILE);
    private static final Logger logger = LoggerFactory.getLogger(ExamLogisticCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    TrainingOptions training = new TrainingOptions(ExamLogistic.EPOCHS, 100,
            ExamLogistic.LR, Path.of("models", ExamLogistic.NAME));

    @Option(names = "--hand-steps", paramLabel = "N",
            description = "Gradient steps taken by hand first. Default: ${DEFAULT-VALUE}.")
    int handSteps = ExamLogistic.HAND_STEPS;

    @Option(names = "--hand-lr", paramLabel = "RATE",
            description = "Learning rate of the steps by hand. Default: ${DEFAULT-VALUE}.")
    float handLearningRate = ExamLogistic.HAND_LR;

    @Option(names = "--log-every", paramLabel = "N",
            description = "Print epoch, loss and accuracy every N epochs."
                    + " Default: ${DEFAULT-VALUE}.")
    int logEvery = 200;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "Rows of score1,score2,admitted (0 or 1). Default: the notebook's data.")
    Path csv;

    @Mixin
    EngineOptions engine = new EngineOptions();

    /** One optimiser run's outcome. */
    private record Run(String name, List<EpochRecord> history, TwoFeaturePlots.Line line,
            double seconds, Manifest saved) {}

    @Override
    public Integer call() throws IOException, TranslateException {
        if (handSteps < 0 || logEvery < 1 || !(handLearningRate > 0)) {
            throw new ParameterException(spec.commandLine(), "--hand-steps must be at least 0,"
                    + " --log-every at least 1 and --hand-lr positive");
        }
        TabularData raw = TutorialTables.twoExams(csv);
        TabularData data = ExamLogistic.normalized(raw);
        TrainingSettings settings = training.toSettings(spec, data.rows());
        training.claimOutputDir();
        Device device = engine.trainingDevice(spec);
        Path out = training.outputDir;
        var plots = new TwoFeaturePlots(points(data, 0), points(data, 1), "exam 1 score / max",
                "exam 2 score / max");
        Figure.save(List.of(plots.scatter("The two exams, each score / its maximum")), 1,
                out.resolve("data.png"));
        Figure.save(List.of(TwoFeaturePlots.sigmoid()), 1, out.resolve("sigmoid.png"));

        PyTorch.engine().setRandomSeed(settings.seed());
        List<Run> runs = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager(device)) {
            stepByHand(data, plots, manager);
            ModelSpec model = model(raw);
            runs.add(train("hand-written loss", ExamLogistic.binaryLossOnLogits(), model,
                    data, settings, device, manager, false));
            runs.add(train("fused loss", new SigmoidBinaryCrossEntropyLoss(), model, data,
                    settings, device, manager, true));
        }
        plots.saveBoundaries(runs.stream().map(Run::line).toList(),
                "Decision line after training", out.resolve("boundary-after.png"));
        TrainingChart.saveComparison(runs.stream().map(Run::name).toList(),
                runs.stream().map(Run::history).toList(), out.resolve(TrainingChart.FILE));
        for (Run run : runs) {
            EpochRecord last = run.history().get(run.history().size() - 1);
            System.out.printf(Locale.ROOT, "%s: loss %.5f, accuracy %.2f after %d epochs in"
                    + " %.3f s; w = [%.2f, %.2f], b = %.2f%n", run.name(), last.trainLoss(),
                    last.trainAccuracy(), last.epoch(), run.seconds(), run.line().weights()[0],
                    run.line().weights()[1], run.line().bias());
        }
        logger.info("Saved {} with {} and the pictures {} in {}",
                runs.get(1).saved().paramsFile(), Manifest.FILE_NAME, PICTURES, out);
        return 0;
    }

    /** w ~ randn(2, 1), b = 0, its decision line, then gradient steps written by hand. */
    private void stepByHand(TabularData data, TwoFeaturePlots plots, NDManager manager) {
        NDArray x = data.featureArray(manager);
        NDArray y = data.labelArray(manager);
        ExamLogistic byHand = new ExamLogistic(manager);
        float[] w = byHand.parameters().get(0).toFloatArray();
        plots.saveBoundaries(List.of(new TwoFeaturePlots.Line(String.format(Locale.ROOT,
                "random start: w = [%.2f, %.2f], b = 0", w[0], w[1]), w,
                byHand.parameters().get(1).getFloat())), "Decision line before training",
                training.outputDir.resolve("boundary-before.png"));
        logger.info(String.format(Locale.ROOT, "Loss at the random start: %.4f",
                byHand.loss(x, y)));
        for (int step = 1; step <= handSteps; step++) {
            logger.info(String.format(Locale.ROOT, "Step %d by hand: loss %.4f", step,
                    byHand.stepByHand(x, y, handLearningRate)));
        }
    }

    /**
     * 1000 epochs of SGD on one loss, from w ~ N(0, 1) and b = 0 as the notebook starts; the
     * weights continue the random stream of what was drawn before, as the notebook's do.
     *
     * @param name "hand-written loss" (T3's clamped BCE) or "fused loss" (DJL's
     *     SigmoidBinaryCrossEntropyLoss on logits)
     * @param keep whether this run's model is the checkpoint
     */
    private Run train(String name, Loss loss, ModelSpec spec, TabularData data,
            TrainingSettings settings, Device device, NDManager manager, boolean keep)
            throws IOException, TranslateException {
        TrainingRun run = new TrainingRun(ExamLogistic.NAME, spec, settings)
                .description("Tutorial T3: logistic regression on two exam scores, " + name)
                .data(data.provenance())
                .option("loss", name)
                .option("device", device);
        logger.info("Training {} epochs with the {}", settings.epochs(),
                loss.getName().equals("BinaryLoss")
                        ? "hand-written clamped loss on sigmoid(x·w + b)"
                        : "fused SigmoidBinaryCrossEntropyLoss on the logits x·w + b");
        int epochs = settings.epochs();
        try (Model model = ExamLogistic.model(device)) {
            History history = new History(CorrectCount.logitSign(), List.of());
            CheckpointSaver checkpoint = new CheckpointSaver(run, history, training.outputDir,
                    epochs, epochs);
            DefaultTrainingConfig config = ExamLogistic.config(loss, settings.learningRate())
                    .optDevices(new Device[] {device})
                    .addTrainingListeners(history)
                    .addTrainingListeners(training.listeners(history, Resume.fresh(), 0))
                    // print('epoch: {}, Loss: {:.5f}, Acc: {:.5f}') every 200 epochs
                    .addTrainingListeners(new EpochSummaryLog(history, logEvery, epochs,
                            r -> String.format(Locale.ROOT, "epoch: %d, loss: %.5f, accuracy:"
                                    + " %.5f", r.epoch(), r.trainLoss(), r.trainAccuracy())));
            if (keep) {
                config.addTrainingListeners(checkpoint);
            }
            if (!settings.isTutorialSgd()) {
                config.optOptimizer(settings.newOptimizer(1, 0));
            }
            long start = System.nanoTime();
            ExamLogistic.train(model, config, epochs,
                    data.toDataset(manager, settings.batchSize(), false));
            double seconds = (System.nanoTime() - start) / 1e9;
            logger.info(String.format(Locale.ROOT, "Training time: %.3f s", seconds));
            return new Run(name, history.records(), new TwoFeaturePlots.Line(name,
                    LinearParameterTrace.currentWeights(model),
                    LinearParameterTrace.currentBias(model)), seconds,
                    keep ? checkpoint.saved() : null);
        }
    }

    /** The rows of one class, for the pictures. */
    private static TwoFeaturePlots.Points points(TabularData data, int label) {
        return new TwoFeaturePlots.Points(data.classNames().get(label), data.column(0, label),
                data.column(1, label));
    }

    /** The model a predictor rebuilds: it divides raw scores by these data's column maxima. */
    static ModelSpec model(TabularData raw) {
        float[] maxima = raw.columnMaxima();
        return new ModelSpec(List.of(2L), 1, ModelSpec.Head.SIGMOID,
                List.of(maxima[0], maxima[1]), raw.classNames());
    }
}
