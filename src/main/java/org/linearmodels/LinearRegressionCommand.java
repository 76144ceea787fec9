package org.linearmodels;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.linearmodels.cli.EngineOptions;
import org.linearmodels.cli.FeaturePredictorCommand;
import org.linearmodels.cli.ResumeOption;
import org.linearmodels.cli.TrainingOptions;
import org.linearmodels.cli.Versions;
import org.linearmodels.data.TabularData;
import org.linearmodels.data.TutorialTables;
import org.linearmodels.engine.PyTorch;
import org.linearmodels.model.Manifest;
import org.linearmodels.model.ModelSpec;
import org.linearmodels.model.TrainingSettings;
import org.linearmodels.predict.FeaturePredictor;
import org.linearmodels.train.CheckpointSaver;
import org.linearmodels.train.EpochSummaryLog;
import org.linearmodels.train.History;
import org.linearmodels.train.LinearParameterTrace;
import org.linearmodels.train.Resume;
import org.linearmodels.train.TrainingRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The command around {@link LinearRegression}'s lesson: flags, the line per epoch, the loss,
 * weight and bias curves (the tutorial's figure), the checkpoint with its manifest, resume, and
 * the trained model's answers for new x.
 */
@Command(name = "LinearRegression", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = Versions.class,
        description = "Fits y = w·x + b to x = [1, 2, 3], y = [2, 4, 6] (tutorial T1), logs loss,"
                + " weight and bias per epoch, draws them, and predicts y for new x.")
public final class LinearRegressionCommand implements Callable<Integer> {

    public static final String CURVES_FILE = "curves.png";
    private static final Logger logger = LoggerFactory.getLogger(LinearRegressionCommand.class);
    /** What a predictor needs to rebuild the block below and read its answers. */
    static final ModelSpec MODEL = new ModelSpec(List.of(1L), 1, ModelSpec.Head.IDENTITY, null,
            null);

    @Spec
    CommandSpec spec;

    @Mixin
    TrainingOptions training = new TrainingOptions(LinearRegression.EPOCHS, 3,
            LinearRegression.LR, Path.of("models", LinearRegression.NAME));

    @Option(names = "--x", paramLabel = "X", split = ",",
            description = "Inputs to predict y for, comma-separated. Default: ${DEFAULT-VALUE}.")
    List<Float> inputs = List.of(4f);

    @Mixin
    ResumeOption resume = new ResumeOption();

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Override
    public Integer call() throws IOException, TranslateException {
        // the lesson's data, as a table for its row count and its provenance
        TabularData data = TutorialTables.lineYEqualsTwoX();
        TrainingSettings settings = training.toSettings(spec, data.rows());
        training.claimOutputDir();
        Device device = engine.trainingDevice(spec);
        TrainingRun run = new TrainingRun(LinearRegression.NAME, MODEL, settings)
                .description("Tutorial T1: linear regression on y = 2x")
                .data(data.provenance())
                .option("loss", "sum of squared errors")
                .option("device", device);
        Resume from = resume.from(training.outputDir, run);
        int epochs = settings.epochs();

        PyTorch.engine().setRandomSeed(settings.seed());
        try (NDManager manager = NDManager.newBaseManager(device);
                Model model = LinearRegression.model(device)) {
            History history = new History(null, from.history());
            LinearParameterTrace trace = new LinearParameterTrace();
            CheckpointSaver checkpoint = new CheckpointSaver(run, history, training.outputDir,
                    epochs, epochs);
            DefaultTrainingConfig config = LinearRegression.config(settings.learningRate())
                    .optDevices(new Device[] {device})
                    .addTrainingListeners(history, trace)
                    .addTrainingListeners(training.listeners(history, from, 0))
                    // print(epoch, loss.item(), model.linear.weight.item(), ...bias.item())
                    .addTrainingListeners(new EpochSummaryLog(history, 1, epochs,
                            r -> String.format(Locale.ROOT,
                                    "Epoch %d/%d: loss %.6f, weight %.6f, bias %.6f", r.epoch(),
                                    epochs, r.trainLoss(),
                                    LinearParameterTrace.currentWeights(model)[0],
                                    LinearParameterTrace.currentBias(model))), checkpoint);
            if (!settings.isTutorialSgd()) {  // --optimizer, --momentum or --schedule
                config.optOptimizer(settings.newOptimizer(1, from.epochsDone()));
            }
            try (Trainer trainer = LinearRegression.trainer(model, config)) {
                from.restore(model, epochs);
                LinearRegression.train(trainer, epochs - from.epochsDone(),
                        LinearRegression.data(manager, settings.batchSize()));
            }
            // the tutorial's figure: loss, weight and bias against epoch
            trace.saveCurves(history.records(), "sum of squared errors",
                    training.outputDir.resolve(CURVES_FILE));

            // beyond the tutorial: the trained model's answers for new x
            List<float[]> answers = FeaturePredictor.predict(model, checkpoint.saved(),
                    inputs.stream().map(x -> new float[] {x}).toList());
            for (int i = 0; i < inputs.size(); i++) {
                System.out.printf(Locale.ROOT, "Prediction for x = %s: %.4f%n",
                        FeaturePredictorCommand.plain(inputs.get(i)), answers.get(i)[0]);
            }
            logger.info("Saved {}, {} and {} in {}", checkpoint.saved().paramsFile(),
                    Manifest.FILE_NAME, CURVES_FILE, training.outputDir);
        }
        return 0;
    }
}
