package org.linearmodels;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.linearmodels.cli.Cli;
import org.linearmodels.cli.DataOptions;
import org.linearmodels.cli.EngineOptions;
import org.linearmodels.cli.Preset;
import org.linearmodels.cli.ResumeOption;
import org.linearmodels.cli.TrainingOptions;
import org.linearmodels.cli.Versions;
import org.linearmodels.data.DatasetCache;
import org.linearmodels.data.ImageDataset;
import org.linearmodels.data.ImageDatasets;
import org.linearmodels.model.Checkpoints;
import org.linearmodels.model.Manifest;
import org.linearmodels.model.ModelSpec;
import org.linearmodels.train.CorrectCount;
import org.linearmodels.train.OptimizerChoice;
import org.linearmodels.train.RunPlan;
import org.linearmodels.train.RunTimer;
import org.linearmodels.train.Schedule;
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
 * Tutorial T4: multinomial logistic regression on MNIST. A Linear layer maps the 784 pixels of
 * an image to 10 logits; softmax cross-entropy and SGD (lr 0.001, batch 100, 5 epochs) train
 * it, as the PyTorch tutorial does.
 */
@Command(name = "MnistLogistic", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = Versions.class,
        description = "Trains multinomial logistic regression on MNIST (tutorial T4), saves the"
                + " checkpoint, a chart and the run's manifest, and prints the test accuracy.")
public final class MnistLogistic implements Callable<Integer> {

    public static final String NAME = "mnist-logistic";
    static final String COMMAND = "./mvnw -q compile exec:java"
            + " -Dexec.mainClass=org.linearmodels.MnistLogistic";
    private static final Logger logger = LoggerFactory.getLogger(MnistLogistic.class);

    /** The fastest way found to MNIST's best linear accuracy (docs/BENCHMARKS.md). */
    static final Preset FAST = new Preset("fast", 10, 100, 0.004f, OptimizerChoice.ADAM,
            Schedule.COSINE);

    @Spec
    CommandSpec spec;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "fast: Adam, lr 0.004 decayed to 0 by cosine, batch 100, 10 epochs"
                    + " (about 92.8 %%). Flags given beside it win.")
    String preset;

    @Mixin
    TrainingOptions training = new TrainingOptions(5, 100, 0.001f, Path.of("models", NAME));

    @Mixin
    ResumeOption resume = new ResumeOption();

    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    EngineOptions engine = new EngineOptions();

    public static void main(String[] args) {
        Cli.run(new MnistLogistic(), args);
    }

    @Override
    public Integer call() throws IOException {
        if (preset != null) {
            Preset.named(preset, List.of(FAST), spec).applyTo(training, spec);
        }
        TrainingSettings settings = training.toSettings(spec);
        long limit = data.resolveLimit(spec);
        RunTimer timer = new RunTimer();
        Device device = engine.trainingDevice(spec);
        timer.lap("engine");
        DatasetCache cache = new DatasetCache(data.resolveDataDir());
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            RandomAccessDataset train = ImageDatasets.training(cache, ImageDataset.MNIST,
                    settings.batchSize(), limit, device, manager);
            RandomAccessDataset test = ImageDatasets.test(cache, ImageDataset.MNIST,
                    Long.MAX_VALUE, device, manager);
            timer.lap("data");
            ModelSpec model = new ModelSpec(List.of(1L, 28L, 28L), 10, ModelSpec.Head.SOFTMAX,
                    null, ImageDataset.MNIST.classNames());
            training.requireBatchAtMost(spec, train.size());
            RunPlan plan = resume.applyTo(training.applyTo(RunPlan.builder(NAME, model, settings)))
                    .description("Tutorial T4: multinomial logistic regression on MNIST")
                    .title("MNIST logistic regression")
                    .data(ImageDatasets.provenance(ImageDataset.MNIST, train.size()))
                    .option("device", device)
                    .option("limit", limit == Long.MAX_VALUE ? "all" : limit)
                    .option("preset", preset == null ? "tutorial" : preset)
                    .logEvery(100)
                    .build();
            Manifest manifest;
            try (TrainingJob job = TrainingJob.start(plan, new SoftmaxCrossEntropyLoss(),
                    CorrectCount.argmax(), device)) {
                manifest = job.fit(train, train.size(), test);
            }
            timer.lap("training");
            System.out.printf(Locale.ROOT, "Accuracy of the model on the %d test images: %.2f %%%n",
                    test.size(), 100 * manifest.figures().get("testAccuracy"));
            Checkpoints.updateManifest(training.outputDir, manifest.withTimings(timer.seconds()));
            logger.info("Saved {} with {} and {} in {}", manifest.paramsFile(),
                    Manifest.FILE_NAME, RunPlan.CHART_FILE, training.outputDir);
            logger.info("Wall time: {}", timer.summary());
        }
        return 0;
    }
}
