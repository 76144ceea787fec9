package org.linearmodels;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.linearmodels.cli.Cli;
import org.linearmodels.cli.EngineOptions;
import org.linearmodels.cli.ResumeOption;
import org.linearmodels.cli.TrainingOptions;
import org.linearmodels.cli.Versions;
import org.linearmodels.data.Tables;
import org.linearmodels.data.TabularData;
import org.linearmodels.engine.Engines;
import org.linearmodels.model.Manifest;
import org.linearmodels.model.ModelSpec;
import org.linearmodels.predict.TabularPredictor;
import org.linearmodels.train.CheckpointSaver;
import org.linearmodels.train.EpochSummaryLog;
import org.linearmodels.train.History;
import org.linearmodels.train.LinearParameterTrace;
import org.linearmodels.train.Resume;
import org.linearmodels.train.RunRecord;
import org.linearmodels.train.SumOfSquaresLoss;
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
    public static final String CURVES_FILE = "curves.png";
    private static final Logger logger = LoggerFactory.getLogger(LinearRegression.class);
    /** What a predictor needs to rebuild the block below and read its answers. */
    static final ModelSpec MODEL = new ModelSpec(List.of(1L), 1, ModelSpec.Head.IDENTITY, null,
            null);

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
    public Integer call() throws IOException, TranslateException {
        // x_data = [[1.0], [2.0], [3.0]], y_data = [[2.0], [4.0], [6.0]]
        TabularData data = Tables.lineYEqualsTwoX();
        TrainingSettings settings = training.toSettings(spec, data.rows());
        training.claimOutputDir();
        Device device = engine.trainingDevice(spec);
        RunRecord run = new RunRecord(NAME, MODEL, settings)
                .description("Tutorial T1: linear regression on y = 2x")
                .data(data.provenance())
                .option("loss", "sum of squared errors")
                .option("device", device);
        Resume from = resume.from(training.outputDir, run);
        int epochs = settings.epochs();

        Engines.pytorch().setRandomSeed(settings.seed());
        try (NDManager manager = NDManager.newBaseManager(device);
                Model model = Model.newInstance(NAME, device, Engines.NAME)) {
            // model = torch.nn.Linear(1, 1), which starts uniform in ±1/√1 (DJL's: Xavier)
            model.setBlock(Linear.builder().setUnits(1).build());
            // criterion = torch.nn.MSELoss(reduction='sum')
            Loss loss = new SumOfSquaresLoss();
            // optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
            Optimizer optimizer = settings.newOptimizer(1, from.epochsDone());

            History history = new History(null, from.history());
            LinearParameterTrace trace = new LinearParameterTrace();
            CheckpointSaver checkpoint = new CheckpointSaver(run, history, training.outputDir,
                    epochs, epochs);
            DefaultTrainingConfig config = new DefaultTrainingConfig(loss)
                    .optOptimizer(optimizer)
                    .optInitializer(new UniformInitializer(1f), Parameter.Type.WEIGHT)
                    .optInitializer(new UniformInitializer(1f), Parameter.Type.BIAS)
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

            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, 1));
                from.restore(model, epochs);
                // for epoch in range(51): y_pred = model(x_data); loss = criterion(y_pred,
                // y_data); optimizer.zero_grad(); loss.backward(); optimizer.step()
                EasyTrain.fit(trainer, epochs - from.epochsDone(),
                        data.toDataset(manager, settings.batchSize(), false), null);
            }
            // the tutorial's figure: loss, weight and bias against epoch
            trace.saveCurves(history.records(), "sum of squared errors",
                    training.outputDir.resolve(CURVES_FILE));

            // y_pred = model(torch.Tensor([[4.0]]))
            List<float[]> answers = TabularPredictor.predict(model, checkpoint.saved(),
                    inputs.stream().map(x -> new float[] {x}).toList());
            for (int i = 0; i < inputs.size(); i++) {
                System.out.printf(Locale.ROOT, "Prediction for x = %s: %.4f%n",
                        plain(inputs.get(i)), answers.get(i)[0]);
            }
            logger.info("Saved {}, {} and {} in {}", checkpoint.saved().paramsFile(),
                    Manifest.FILE_NAME, CURVES_FILE, training.outputDir);
        }
        return 0;
    }

    /** 4 rather than 4.0, 2.5 as 2.5. */
    static String plain(float value) {
        return new BigDecimal(Float.toString(value)).stripTrailingZeros().toPlainString();
    }
}
