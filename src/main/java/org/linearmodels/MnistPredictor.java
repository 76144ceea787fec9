package org.linearmodels;

import ai.djl.Device;
import ai.djl.modality.Classifications;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.dataset.RandomAccessDataset;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.linearmodels.cli.Cli;
import org.linearmodels.cli.DataOptions;
import org.linearmodels.cli.EngineOptions;
import org.linearmodels.cli.Versions;
import org.linearmodels.data.DatasetCache;
import org.linearmodels.data.ImageDataset;
import org.linearmodels.data.ImageDatasets;
import org.linearmodels.predict.ImageClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Loads the checkpoint {@link MnistLogistic} saved and answers: the top digits for each image
 * given, or, with none, the accuracy on the MNIST test set.
 */
@Command(name = "MnistPredictor", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = Versions.class,
        description = {"Classifies handwritten digits with the MnistLogistic checkpoint.",
            "Given image files (PNG, JPEG, GIF, BMP; any size; dark ink on light paper or light"
                    + " on dark), prints the top digits with their probabilities. Given none,"
                    + " prints the accuracy on the 10000 MNIST test images."})
public final class MnistPredictor implements Callable<Integer> {

    private static final int TEST_BATCH_SIZE = 1000;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "IMAGE", arity = "0..*", description = "Image files to classify.")
    List<Path> images = List.of();

    @Option(names = "--model-dir", paramLabel = "DIR",
            description = "The checkpoint to load. Default: ${DEFAULT-VALUE}.")
    Path modelDir = Path.of("models", MnistLogistic.NAME);

    @Option(names = "--top", paramLabel = "K",
            description = "How many digits to print per image. Default: ${DEFAULT-VALUE}.")
    int top = 3;

    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    EngineOptions engine = new EngineOptions();

    public static void main(String[] args) {
        Cli.run(new MnistPredictor(), args);
    }

    @Override
    public Integer call() {
        if (top < 1 || top > 10) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--top must be between 1 and 10, got " + top);
        }
        long limit = data.resolveLimit(spec);
        Device device = engine.device.resolve();
        try (ImageClassifier classifier = ImageClassifier.load(modelDir, MnistLogistic.NAME,
                MnistLogistic.COMMAND, device)) {
            if (images.isEmpty()) {
                printTestAccuracy(classifier, device, limit);
            } else {
                List<Classifications> answers = classifier.classify(images);
                for (int i = 0; i < images.size(); i++) {
                    System.out.println(images.get(i) + ": " + describe(answers.get(i), top));
                }
            }
        }
        return 0;
    }

    private void printTestAccuracy(ImageClassifier classifier, Device device, long limit) {
        DatasetCache cache = new DatasetCache(data.resolveDataDir());
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            RandomAccessDataset test = ImageDatasets.load(cache, ImageDataset.MNIST,
                    new ImageDatasets.Request(Dataset.Usage.TEST, TEST_BATCH_SIZE, false, limit,
                            device), manager);
            double accuracy = classifier.accuracy(test, manager);
            System.out.printf(Locale.ROOT, "Accuracy of the model on the %d test images: %.2f %%%n",
                    test.size(), 100 * accuracy);
        }
    }

    /** e.g. {@code 7 (97.12 %), 1 (1.80 %), 9 (0.51 %)}. */
    static String describe(Classifications answer, int top) {
        return answer.topK(top).stream()
                .map(c -> String.format(Locale.ROOT, "%s (%.2f %%)", c.getClassName(),
                        100 * c.getProbability()))
                .collect(Collectors.joining(", "));
    }
}
