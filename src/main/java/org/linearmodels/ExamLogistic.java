package org.linearmodels;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SigmoidBinaryCrossEntropyLoss;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.linearmodels.cli.Cli;
import org.linearmodels.cli.EngineOptions;
import org.linearmodels.cli.TrainingOptions;
import org.linearmodels.cli.Versions;
import org.linearmodels.data.Tables;
import org.linearmodels.data.TabularData;
import org.linearmodels.engine.Engines;
import org.linearmodels.model.EpochRecord;
import org.linearmodels.model.Manifest;
import org.linearmodels.model.ModelSpec;
import org.linearmodels.plot.Figure;
import org.linearmodels.plot.Panel;
import org.linearmodels.plot.Series;
import org.linearmodels.scratch.ClampedBinaryCrossEntropyLoss;
import org.linearmodels.scratch.LogisticRegression;
import org.linearmodels.scratch.Losses;
import org.linearmodels.train.CorrectCount;
import org.linearmodels.train.FitListener;
import org.linearmodels.train.LinearParameterTrace;
import org.linearmodels.train.RunPlan;
import org.linearmodels.train.TrainingJob;
import org.linearmodels.train.TrainingSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Tutorial T3: logistic regression on two exam scores, each divided by its column's maximum.
 * As the notebook: the data and the sigmoid drawn; ten gradient steps by hand with the clamped
 * loss; then 1000 epochs of SGD (lr 1.0) with that hand-written loss, and again with DJL's fused
 * sigmoid cross-entropy on logits, timing both; the decision line before and after.
 */
@Command(name = "ExamLogistic", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = Versions.class,
        description = "Predicts admission from two exam scores by logistic regression (tutorial"
                + " T3), comparing the hand-written clamped loss with DJL's fused loss, and draws"
                + " the data, the sigmoid and the decision line before and after training.")
public final class ExamLogistic implements Callable<Integer> {

    public static final String NAME = "exam-logistic";
    static final String COMMAND = "./mvnw -q compile exec:java"
            + " -Dexec.mainClass=org.linearmodels.ExamLogistic";
    public static final List<String> PICTURES = List.of("data.png", "sigmoid.png",
            "boundary-before.png", "boundary-after.png", RunPlan.CHART_FILE);
    private static final Logger logger = LoggerFactory.getLogger(ExamLogistic.class);
    private static final Color NOT_ADMITTED = new Color(214, 39, 40);
    private static final Color ADMITTED = new Color(31, 119, 180);

    @Spec
    CommandSpec spec;

    @Mixin
    TrainingOptions training = new TrainingOptions(1000, 100, 1.0f, Path.of("models", NAME));

    @Option(names = "--hand-steps", paramLabel = "N",
            description = "Gradient steps taken by hand first. Default: ${DEFAULT-VALUE}.")
    int handSteps = 10;

    @Option(names = "--hand-lr", paramLabel = "RATE",
            description = "Learning rate of the steps by hand. Default: ${DEFAULT-VALUE}.")
    float handLearningRate = 0.1f;

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
    private record Run(String name, Manifest manifest, float[] weights, float bias,
            double seconds) {}

    public static void main(String[] args) {
        Cli.run(new ExamLogistic(), args);
    }

    @Override
    public Integer call() throws IOException {
        if (handSteps < 0 || logEvery < 1 || !(handLearningRate > 0)) {
            throw new ParameterException(spec.commandLine(), "--hand-steps must be at least 0,"
                    + " --log-every at least 1 and --hand-lr positive");
        }
        TabularData raw = Tables.twoExams(csv);
        float[] maxima = raw.columnMaxima();
        TabularData data = raw.dividedBy(maxima);
        TrainingSettings settings = training.toSettings(spec, data.rows());
        Device device = engine.trainingDevice(spec);
        Path out = training.outputDir;
        Figure.save(List.of(scatter(data, "The two exams, each score / its maximum")
                .withXRange(0.2, 1.05).withYRange(0.2, 1.05)), 1, out.resolve("data.png"));
        Figure.save(List.of(sigmoidPanel()), 1, out.resolve("sigmoid.png"));

        Engines.pytorch().setRandomSeed(settings.seed());
        List<Run> runs = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager(device)) {
            NDArray x = data.featureArray(manager);
            NDArray y = data.labelArray(manager);
            try (LogisticRegression byHand = new LogisticRegression(
                    manager.randomNormal(new Shape(2, 1)), manager.zeros(new Shape(1)))) {
                float[] w = byHand.weights();
                drawBoundary(data, List.of(new Run(String.format(Locale.ROOT,
                        "random start: w = [%.2f, %.2f], b = 0", w[0], w[1]), null, w,
                        byHand.bias(), 0)), "Decision line before training",
                        out.resolve("boundary-before.png"));
                logger.info(String.format(Locale.ROOT, "Loss at the random start: %.4f",
                        byHand.loss(x, y, Losses::clampedBinaryCrossEntropy)));
                for (int step = 1; step <= handSteps; step++) {
                    byHand.step(x, y, Losses::clampedBinaryCrossEntropy, handLearningRate);
                    logger.info(String.format(Locale.ROOT, "Step %d by hand: loss %.4f", step,
                            byHand.loss(x, y, Losses::clampedBinaryCrossEntropy)));
                }
            }
            ModelSpec model = new ModelSpec(List.of(2L), 1, ModelSpec.Head.SIGMOID,
                    List.of(maxima[0], maxima[1]), data.classNames());
            runs.add(train("hand-written loss", new ClampedBinaryCrossEntropyLoss(),
                    model, settings, data, device, manager, false));
            runs.add(train("fused loss", new SigmoidBinaryCrossEntropyLoss(), model, settings,
                    data, device, manager, true));
        }
        drawBoundary(data, runs, "Decision line after training", out.resolve("boundary-after.png"));
        drawTraining(runs, out.resolve(RunPlan.CHART_FILE));
        for (Run run : runs) {
            EpochRecord last = last(run.manifest());
            System.out.printf(Locale.ROOT, "%s: loss %.5f, accuracy %.2f after %d epochs in"
                    + " %.3f s; w = [%.2f, %.2f], b = %.2f%n", run.name(), last.trainLoss(),
                    last.trainAccuracy(), last.epoch(), run.seconds(), run.weights()[0],
                    run.weights()[1], run.bias());
        }
        logger.info("Saved {} with {} and the pictures {} in {}", runs.get(1).manifest()
                .paramsFile(), Manifest.FILE_NAME, PICTURES, out);
        return 0;
    }

    /**
     * 1000 epochs of SGD on one loss, from w ~ N(0, 1) and b = 0 as the notebook starts.
     *
     * @param name "hand-written loss" (T3's clamped BCE) or "fused loss" (DJL's
     *     SigmoidBinaryCrossEntropyLoss on logits)
     */
    private Run train(String name, Loss loss, ModelSpec model, TrainingSettings settings,
            TabularData data, Device device, NDManager manager, boolean keep) {
        RunPlan plan = training.applyTo(RunPlan.builder(NAME, model, settings))
                .description("Tutorial T3: logistic regression on two exam scores, " + name)
                .data(data.provenance())
                .option("loss", name)
                .option("device", device)
                .summaryEvery(0)
                .chartLayout(null)
                .checkpointEvery(keep ? settings.epochs() : 0)
                .reseed(false)
                .build();
        logger.info("Training {} epochs with the {}", settings.epochs(),
                loss instanceof ClampedBinaryCrossEntropyLoss
                        ? "hand-written clamped loss on sigmoid(x·w + b)"
                        : "fused SigmoidBinaryCrossEntropyLoss on the logits x·w + b");
        try (TrainingJob job = TrainingJob.start(plan, loss, CorrectCount.logitSign(),
                new NormalInitializer(1f), new ConstantInitializer(0f), device)) {
            job.monitor().add(new FitListener() {
                @Override
                public void onEpochEnd(EpochRecord record, int epochs) {
                    if (record.epoch() % logEvery == 0 || record.epoch() == epochs) {
                        logger.info(String.format(Locale.ROOT,
                                "epoch: %d, loss: %.5f, accuracy: %.5f", record.epoch(),
                                record.trainLoss(), record.trainAccuracy()));
                    }
                }
            });
            long start = System.nanoTime();
            Manifest manifest = job.fit(data.toDataset(manager, settings.batchSize(), false),
                    data.rows(), null);
            double seconds = (System.nanoTime() - start) / 1e9;
            logger.info(String.format(Locale.ROOT, "Training time: %.3f s", seconds));
            return new Run(name, manifest, LinearParameterTrace.currentWeights(job.model()),
                    LinearParameterTrace.currentBias(job.model()), seconds);
        }
    }

    private static EpochRecord last(Manifest manifest) {
        return manifest.history().get(manifest.history().size() - 1);
    }

    private static Panel scatter(TabularData data, String title) {
        return new Panel(title, "exam 1 score / max", "exam 2 score / max", List.of(
                Series.scatter("not admitted", data.column(0, 0f), data.column(1, 0f))
                        .withColor(NOT_ADMITTED),
                Series.scatter("admitted", data.column(0, 1f), data.column(1, 1f))
                        .withColor(ADMITTED)));
    }

    private static Panel sigmoidPanel() {
        double[] z = IntStream.rangeClosed(0, 2000).mapToDouble(i -> -10 + i * 0.01).toArray();
        double[] s = Arrays.stream(z).map(v -> 1 / (1 + Math.exp(-v))).toArray();
        return new Panel("sigmoid(z) = 1 / (1 + e^-z)", "z", "sigmoid(z)",
                List.of(Series.line("sigmoid", z, s).withColor(NOT_ADMITTED)));
    }

    /** The points, and for each run the line w0·x1 + w1·x2 + b = 0 where p = 0.5. */
    private static void drawBoundary(TabularData data, List<Run> runs, String title, Path file)
            throws IOException {
        Panel points = scatter(data, title);
        List<Series> series = new ArrayList<>(points.series());
        double[] x1 = IntStream.rangeClosed(0, 80).mapToDouble(i -> 0.2 + i * 0.01).toArray();
        Color[] colors = {new Color(44, 160, 44), new Color(148, 103, 189)};
        for (int r = 0; r < runs.size(); r++) {
            Run run = runs.get(r);
            double[] x2 = Arrays.stream(x1)
                    .map(v -> (-run.weights()[0] * v - run.bias()) / run.weights()[1]).toArray();
            Series line = Series.line(run.name(), x1, x2).withColor(colors[r % colors.length]);
            series.add(r == 0 ? line : line.dashed());
        }
        Figure.save(List.of(new Panel(title, points.xLabel(), points.yLabel(), series)
                .withXRange(0.2, 1.05).withYRange(0.2, 1.05)), 1, file);
    }

    /** Loss and accuracy per epoch of both runs, side by side. */
    private static void drawTraining(List<Run> runs, Path file) throws IOException {
        List<Series> losses = new ArrayList<>();
        List<Series> accuracies = new ArrayList<>();
        for (Run run : runs) {
            List<EpochRecord> history = run.manifest().history();
            double[] epochs = history.stream().mapToDouble(EpochRecord::epoch).toArray();
            losses.add(Series.line(run.name(), epochs,
                    history.stream().mapToDouble(EpochRecord::trainLoss).toArray()));
            accuracies.add(Series.line(run.name(), epochs,
                    history.stream().mapToDouble(EpochRecord::trainAccuracy).toArray()));
        }
        Figure.save(List.of(new Panel("Loss", "epoch", "loss", losses),
                new Panel("Accuracy", "epoch", "accuracy", accuracies)), 2, file);
    }
}
