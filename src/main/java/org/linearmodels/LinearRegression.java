package org.linearmodels;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.linearmodels.cli.Cli;
import org.linearmodels.cli.EngineOptions;
import org.linearmodels.cli.ResumeOption;
import org.linearmodels.cli.TrainingOptions;
import org.linearmodels.cli.Versions;
import org.linearmodels.data.Tables;
import org.linearmodels.data.TabularData;
import org.linearmodels.model.EpochRecord;
import org.linearmodels.model.Manifest;
import org.linearmodels.model.ModelSpec;
import org.linearmodels.plot.Figure;
import org.linearmodels.plot.Panel;
import org.linearmodels.plot.Series;
import org.linearmodels.predict.TabularPredictor;
import org.linearmodels.train.FitListener;
import org.linearmodels.train.LinearParameterTrace;
import org.linearmodels.train.RunPlan;
import org.linearmodels.train.SumOfSquaresLoss;
import org.linearmodels.train.TrainingJob;
import org.linearmodels.train.TrainingSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Tutorial T1: linear regression on y = 2x. One Linear unit fits the three points x = 1, 2, 3
 * with the sum of squared errors and SGD (lr 0.05) for 51 epochs, recording loss, weight and
 * bias every epoch, then predicts y for x = 4.
 */
@Command(name = "LinearRegression", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = Versions.class,
        description = "Fits y = w·x + b to x = [1, 2, 3], y = [2, 4, 6] (tutorial T1), logs loss,"
                + " weight and bias per epoch, draws them, and predicts y for new x.")
public final class LinearRegression implements Callable<Integer> {

    public static final String NAME = "linear-regression";
    static final String COMMAND = "./mvnw -q compile exec:java"
            + " -Dexec.mainClass=org.linearmodels.LinearRegression";
    public static final String CURVES_FILE = "curves.png";
    private static final Logger logger = LoggerFactory.getLogger(LinearRegression.class);

    @Spec
    CommandSpec spec;

    @Mixin
    TrainingOptions training = new TrainingOptions(51, 3, 0.05f, Path.of("models", NAME));

    @Option(names = "--x", paramLabel = "X", split = ",",
            description = "Inputs to predict y for, comma-separated. Default: ${DEFAULT-VALUE}.")
    List<Float> inputs = List.of(4f);

    @Mixin
    ResumeOption resume = new ResumeOption();

    @Mixin
    EngineOptions engine = new EngineOptions();

    public static void main(String[] args) {
        Cli.run(new LinearRegression(), args);
    }

    @Override
    public Integer call() throws IOException {
        TabularData data = Tables.lineYEqualsTwoX();
        TrainingSettings settings = training.toSettings(spec, data.rows());
        Device device = engine.trainingDevice(spec);
        ModelSpec model = new ModelSpec(List.of(1L), 1, ModelSpec.Head.IDENTITY, null, null);
        RunPlan plan = resume.applyTo(training.applyTo(RunPlan.builder(NAME, model, settings)))
                .description("Tutorial T1: linear regression on y = 2x")
                .data(data.provenance())
                .option("loss", "sum of squared errors")
                .option("device", device)
                .summaryEvery(0)
                .chartLayout(null)
                .checkpointEvery(settings.epochs())
                .build();
        try (NDManager manager = NDManager.newBaseManager(device);
                TrainingJob job = TrainingJob.start(plan, new SumOfSquaresLoss(), null, device)) {
            LinearParameterTrace trace = new LinearParameterTrace(job.model());
            job.monitor().add(trace);
            job.monitor().add(new FitListener() {
                @Override
                public void onEpochEnd(EpochRecord record, int epochs) {
                    logger.info(String.format(Locale.ROOT,
                            "Epoch %d/%d: loss %.6f, weight %.6f, bias %.6f", record.epoch(),
                            epochs, record.trainLoss(),
                            LinearParameterTrace.currentWeights(job.model())[0],
                            LinearParameterTrace.currentBias(job.model())));
                }
            });
            Manifest manifest = job.fit(data.toDataset(manager, settings.batchSize(), false),
                    data.rows(), null);
            drawCurves(manifest.history(), trace, training.outputDir.resolve(CURVES_FILE));
            List<float[]> answers = TabularPredictor.predict(job.model(), manifest,
                    inputs.stream().map(x -> new float[] {x}).toList());
            for (int i = 0; i < inputs.size(); i++) {
                System.out.printf(Locale.ROOT, "Prediction for x = %s: %.4f%n",
                        plain(inputs.get(i)), answers.get(i)[0]);
            }
            logger.info("Saved {}, {} and {} in {}", manifest.paramsFile(), Manifest.FILE_NAME,
                    CURVES_FILE, training.outputDir);
        }
        return 0;
    }

    /** 4 rather than 4.0, 2.5 as 2.5. */
    static String plain(float value) {
        return new BigDecimal(Float.toString(value)).stripTrailingZeros().toPlainString();
    }

    /** The tutorial's figure: loss, weight and bias against epoch, one above the other. */
    private static void drawCurves(List<EpochRecord> history, LinearParameterTrace trace,
            Path file) throws IOException {
        double[] epochs = history.stream().mapToDouble(EpochRecord::epoch).toArray();
        double[] loss = history.stream().mapToDouble(EpochRecord::trainLoss).toArray();
        double[] weight = trace.weights().stream().mapToDouble(w -> w[0]).toArray();
        double[] bias = IntStream.range(0, epochs.length)
                .mapToDouble(i -> trace.biases().get(i)).toArray();
        Figure.save(List.of(
                new Panel("Loss curve", "epoch", "sum of squared errors",
                        List.of(Series.line("loss", epochs, loss))),
                new Panel("Weight curve", "epoch", "weight w",
                        List.of(Series.line("weight", epochs, weight))),
                new Panel("Bias curve", "epoch", "bias b",
                        List.of(Series.line("bias", epochs, bias)))), 1, file);
    }
}
