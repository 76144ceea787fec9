package org.linearmodels;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.loss.Loss;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.linearmodels.cli.Cli;
import org.linearmodels.cli.DataOptions;
import org.linearmodels.cli.TrainingOptions;
import org.linearmodels.cli.Versions;
import org.linearmodels.data.DatasetCache;
import org.linearmodels.data.ImageDataset;
import org.linearmodels.data.ImageSplits;
import org.linearmodels.engine.PyTorch;
import org.linearmodels.model.CheckpointFiles;
import org.linearmodels.model.CorrectCount;
import org.linearmodels.model.EpochRecord;
import org.linearmodels.model.TrainingSettings;
import org.linearmodels.spark.MllibLogistic;
import org.linearmodels.spark.Parameters;
import org.linearmodels.spark.Shard;
import org.linearmodels.spark.ShardTraining;
import org.linearmodels.spark.SparkOptions;
import org.linearmodels.spark.SparkSessions;
import org.linearmodels.train.ShuffleSeed;
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
 * Tutorial T4's model trained data-parallel on Spark: the training set is split into one shard
 * per partition; each round, every worker runs the lesson's SGD on its shard from the driver's
 * parameters, and the driver adds up the workers' changes, as one machine applying all their
 * gradients would. Saves an ordinary model directory, then compares with MLlib's
 * LogisticRegression and the single-machine loop on the same data.
 */
@Command(name = "SparkTrain", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = Versions.class,
        description = {"Trains MNIST logistic regression (tutorial T4) data-parallel on Apache"
                + " Spark and saves a model directory MnistPredictor, Serve and DJL's Criteria"
                + " load.",
            "Each worker runs the lesson's SGD on its shard; every --sync-every steps the"
                    + " driver adds up the workers' changes (for plain SGD, the sum of their"
                    + " gradients, as one machine would apply them) and sends the result back."
                    + " Then, unless --no-compare, it trains Spark MLlib's LogisticRegression"
                    + " and the single-machine loop on the same images and prints the three"
                    + " accuracies and times."})
public final class SparkTrain implements Callable<Integer> {

    @Mixin
    SparkOptions sparkOptions = new SparkOptions();

    private static final Logger logger = LoggerFactory.getLogger(SparkTrain.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Shards, one per task. Default: Spark's default parallelism (the"
                    + " executors' cores).")
    Integer partitions;

    @Option(names = "--sync-every", paramLabel = "K",
            description = "Steps each worker takes between two syncs with the driver; 0 for one"
                    + " pass over its shard. Default: ${DEFAULT-VALUE}.")
    int syncEvery;

    @Option(names = "--compare", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also train MLlib's LogisticRegression and the single-machine loop on"
                    + " the same images, and print the comparison. Default: on.")
    boolean compare;

    @Option(names = "--mllib-iterations", paramLabel = "N",
            description = "MLlib's L-BFGS iterations. Default: ${DEFAULT-VALUE}.")
    int mllibIterations = 100;

    @Mixin
    TrainingOptions training = new TrainingOptions(MnistLogistic.NUM_EPOCHS,
            MnistLogistic.BATCH_SIZE, MnistLogistic.LEARNING_RATE,
            Path.of("models", MnistLogistic.NAME + "-spark"));

    @Mixin
    DataOptions data = new DataOptions();


    public static void main(String[] args) {
        Cli.run(new SparkTrain(), args);
    }

    @Override
    public Integer call() throws IOException, TranslateException {
        TrainingSettings settings = training.toSettings(spec);
        if (!settings.isTutorialSgd()) {
            throw new ParameterException(spec.commandLine(), "SparkTrain trains with plain SGD"
                    + " (the tutorial's): --optimizer, --momentum and --schedule keep state on"
                    + " each worker that adding up their changes cannot combine");
        }
        if (syncEvery < 0 || mllibIterations < 1 || (partitions != null && partitions < 1)) {
            throw new ParameterException(spec.commandLine(), "--sync-every must be at least"
                    + " 0, --mllib-iterations and --partitions at least 1");
        }
        long limit = data.resolveLimit(spec);
        training.claimOutputDir();
        Device cpu = Device.cpu();
        PyTorch.useThreads(1);
        try (NDManager manager = NDManager.newBaseManager(cpu)) {
            DatasetCache cache = new DatasetCache(data.resolveDataDir());
            NDList train = ImageSplits.raw(cache, ImageDataset.MNIST, true, limit, manager);
            Shard all = shard(0, train);
            training.requireBatchAtMost(spec, all.size());
            Dataset test = ImageSplits.testInBatches(cache, ImageDataset.MNIST,
                    settings.batchSize(), cpu, manager);
            Shard testImages = shard(0, ImageSplits.raw(cache, ImageDataset.MNIST, false,
                    Long.MAX_VALUE, manager));
            try (SparkSession spark = sparkOptions.start("SparkTrain",
                    SparkSessions.jarsOf(SparkTrain.class, MnistLogistic.class))) {
                JavaSparkContext context = JavaSparkContext.fromSparkContext(
                        spark.sparkContext());
                int workers = partitions != null ? partitions : context.defaultParallelism();
                JavaRDD<Shard> shards = context.parallelize(split(all, workers), workers);
                // Kept on the executors, and cut from the driver's list: otherwise every
                // round's tasks would carry their shard again.
                shards.rdd().localCheckpoint();
                shards.count();
                PyTorch.engine().setRandomSeed(settings.seed());
                try (Model model = MnistLogistic.model(cpu);
                        Trainer trainer = MnistLogistic.trainer(model,
                                MnistLogistic.config(settings.learningRate()))) {
                    long trainStart = System.nanoTime();
                    List<EpochRecord> history = train(context, shards, model, train, test,
                            settings, all.size(), workers, manager);
                    double sparkSeconds = (System.nanoTime() - trainStart) / 1e9
                            - history.stream().mapToDouble(EpochRecord::evalSeconds).sum();
                    TrainingRun run = new TrainingRun(MnistLogistic.NAME,
                            MnistLogisticCommand.MODEL, settings)
                            .description("Tutorial T4 trained data-parallel on Spark")
                            .data(ImageSplits.provenance(ImageDataset.MNIST, all.size()))
                            .option("master", sparkOptions.master)
                            .option("partitions", workers)
                            .option("syncEvery", syncEvery == 0 ? "epoch" : syncEvery)
                            .option("limit", limit == Long.MAX_VALUE ? "all" : limit);
                    double accuracy = history.get(history.size() - 1).testAccuracy();
                    System.out.printf(Locale.ROOT,
                            "Accuracy of the model on the %d test images: %.2f %%%n",
                            testImages.size(), 100 * accuracy);
                    if (compare) {
                        compare(run, spark, shards, testImages, cache, limit, settings, workers,
                                all.size(), accuracy, sparkSeconds, manager);
                    }
                    CheckpointFiles.save(model, training.outputDir, run.manifest(history));
                }
            }
        }
        return 0;
    }

    /** The rounds, epoch by epoch: each epoch's figures measured on the driver. */
    private List<EpochRecord> train(JavaSparkContext context, JavaRDD<Shard> shards,
            Model model, NDList train, Dataset test, TrainingSettings settings, long examples,
            int workers, NDManager manager) throws IOException, TranslateException {
        int epochs = settings.epochs();
        long largestShard = (examples + workers - 1) / workers;
        long stepsPerEpoch = (largestShard + settings.batchSize() - 1) / settings.batchSize();
        long every = syncEvery == 0 ? stepsPerEpoch : syncEvery;
        float[][] parameters = Parameters.of(model);
        List<EpochRecord> history = new ArrayList<>();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            long start = System.nanoTime();
            for (long first = 0; first < stepsPerEpoch; first += every) {
                Broadcast<float[][]> current = context.broadcast(parameters);
                float[][] change = shards.mapPartitions(new ShardTraining(current,
                        settings.learningRate(), settings.batchSize(), settings.seed(), epoch,
                        first, Math.min(every, stepsPerEpoch - first)))
                        .reduce(Parameters::add);
                parameters = Parameters.add(parameters, change);
                current.destroy();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Parameters.load(model, parameters);
            long evalStart = System.nanoTime();
            double[] lossAndAccuracy = lossAndAccuracy(model, train, manager);
            double testAccuracy = MnistLogistic.test(model, test, manager);
            double evalSeconds = (System.nanoTime() - evalStart) / 1e9;
            history.add(new EpochRecord(epoch, lossAndAccuracy[0], lossAndAccuracy[1],
                    testAccuracy, seconds, evalSeconds));
            logger.info(String.format(Locale.ROOT, "Epoch [%d/%d], Loss: %.4f, Train accuracy:"
                    + " %.2f %%, Test accuracy: %.2f %%, %.1f s", epoch, epochs,
                    lossAndAccuracy[0], 100 * lossAndAccuracy[1], 100 * testAccuracy, seconds));
        }
        return history;
    }

    /** The mean cross-entropy and the accuracy of the model on the training images. */
    private static double[] lossAndAccuracy(Model model, NDList train, NDManager manager)
            throws IOException, TranslateException {
        Loss loss = Loss.softmaxCrossEntropyLoss();
        CorrectCount correct = CorrectCount.argmax();
        double lossSum = 0;
        long right = 0;
        long seen = 0;
        try (NDManager scope = manager.newSubManager()) {
            ParameterStore store = new ParameterStore(scope, false);
            Dataset rows = ImageSplits.inBatches(train.get(0), train.get(1), 1000, false,
                    Device.cpu());
            for (Batch batch : rows.getData(scope)) {
                try (batch) {
                    NDArray labels = batch.getLabels().singletonOrThrow();
                    NDList logits = model.getBlock().forward(store, batch.getData(), false);
                    lossSum += loss.evaluate(batch.getLabels(), logits).getFloat()
                            * batch.getSize();
                    right += correct.count(logits.singletonOrThrow(), labels).getLong();
                    seen += batch.getSize();
                }
            }
        }
        return new double[] {lossSum / seen, (double) right / seen};
    }

    /**
     * MLlib's LogisticRegression on the same shards and the single-machine loop on the same
     * images from the same initial parameters, printed beside this run; recorded in the
     * manifest too.
     */
    private void compare(TrainingRun run, SparkSession spark, JavaRDD<Shard> shards,
            Shard testImages, DatasetCache cache, long limit, TrainingSettings settings,
            int workers, int examples, double sparkAccuracy, double sparkSeconds,
            NDManager manager)
            throws IOException, TranslateException {
        MllibLogistic.Result mllib = MllibLogistic.fitAndTest(spark, shards, testImages,
                mllibIterations);
        double[] single = singleMachine(cache, limit, settings, manager);
        run.option("mllibAccuracy", mllib.accuracy())
                .option("mllibSeconds", mllib.seconds())
                .option("singleMachineAccuracy", single[0])
                .option("singleMachineSeconds", single[1])
                .option("sparkSeconds", sparkSeconds);
        System.out.printf(Locale.ROOT, "Training time and test accuracy, the same %d"
                + " training images:%n", examples);
        System.out.printf(Locale.ROOT, "  SparkTrain, %d partitions, %d epochs:  %6.2f %%"
                + "  %6.1f s%n", workers, settings.epochs(), 100 * sparkAccuracy,
                sparkSeconds);
        System.out.printf(Locale.ROOT, "  MLlib LogisticRegression, %d iterations:  %6.2f %%"
                + "  %6.1f s%n", mllibIterations, 100 * mllib.accuracy(), mllib.seconds());
        System.out.printf(Locale.ROOT, "  Single machine (MnistLogistic's loop):  %6.2f %%"
                + "  %6.1f s%n", 100 * single[0], single[1]);
    }

    /** T4's own loop on this process: test accuracy and training seconds. */
    private static double[] singleMachine(DatasetCache cache, long limit,
            TrainingSettings settings, NDManager manager) throws IOException, TranslateException {
        Device cpu = Device.cpu();
        try (NDManager scope = manager.newSubManager()) {
            Dataset train = ImageSplits.training(cache, ImageDataset.MNIST,
                    settings.batchSize(), limit, cpu, scope);
            Dataset test = ImageSplits.testInBatches(cache, ImageDataset.MNIST,
                    settings.batchSize(), cpu, scope);
            PyTorch.engine().setRandomSeed(settings.seed());
            try (Model model = MnistLogistic.model(cpu);
                    Trainer trainer = MnistLogistic.trainer(model,
                            MnistLogistic.config(settings.learningRate())
                                    .addTrainingListeners(new ShuffleSeed(settings.seed(), 0)))) {
                long start = System.nanoTime();
                MnistLogistic.train(trainer, settings.epochs(), train, null);
                double seconds = (System.nanoTime() - start) / 1e9;
                return new double[] {MnistLogistic.test(model, test, scope), seconds};
            }
        }
    }

    /** The images of {@code split} (uint8 rows, int64 labels) as one shard. */
    private static Shard shard(int index, NDList split) {
        byte[] labels;
        try (NDArray bytes = split.get(1).toType(DataType.UINT8, false)) {
            labels = bytes.toByteArray();
        }
        return new Shard(index, split.get(0).toByteArray(), labels);
    }

    /** {@code all} in {@code parts} shards of sizes that differ by one at most, in order. */
    private static List<Shard> split(Shard all, int parts) {
        List<Shard> shards = new ArrayList<>(parts);
        int pixels = ImageDataset.PIXELS;
        for (int i = 0; i < parts; i++) {
            int from = (int) ((long) all.size() * i / parts);
            int to = (int) ((long) all.size() * (i + 1) / parts);
            shards.add(new Shard(i, Arrays.copyOfRange(all.pixels(), from * pixels,
                    to * pixels), Arrays.copyOfRange(all.labels(), from, to)));
        }
        return shards;
    }
}
