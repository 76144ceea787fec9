package org.linearmodels.cli;

import ai.djl.Device;
import ai.djl.modality.Classifications;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.RandomAccessDataset;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.linearmodels.data.DatasetCache;
import org.linearmodels.data.ImageDataset;
import org.linearmodels.data.ImageSplits;
import org.linearmodels.io.ProjectFiles;
import org.linearmodels.model.CheckpointFiles;
import org.linearmodels.model.Framing;
import org.linearmodels.model.ModelSpec;
import org.linearmodels.predict.ImageClassifier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What the image predictors share: load a checkpoint, then classify the image files given, or
 * with none, print the accuracy on the data set's test images in the tutorial's words.
 */
public abstract class ImagePredictorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "IMAGE", arity = "0..*", description = "Image files to classify.")
    List<Path> images = List.of();

    @Option(names = "--model-dir", paramLabel = "DIR",
            description = "The checkpoint to load. Default: ${DEFAULT-VALUE}.")
    Path modelDir;

    @Option(names = "--top", paramLabel = "K",
            description = "How many classes to print per image. Default: ${DEFAULT-VALUE}.")
    int top = 3;

    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    EngineOptions engine = new EngineOptions();

    private final String modelName;
    private final String trainCommand;
    private final ImageDataset dataset;
    private final Framing style;

    /**
     * @param modelName the checkpoint's name, under {@code models/} by default
     * @param trainCommand the command that trains it, for the error when there is none
     */
    protected ImagePredictorCommand(String modelName, String trainCommand, ImageDataset dataset,
            Framing style) {
        this.modelName = modelName;
        this.trainCommand = trainCommand;
        this.dataset = dataset;
        this.style = style;
        this.modelDir = ProjectFiles.path("models", modelName);
    }

    @Override
    public Integer call() {
        if (top < 1 || top > dataset.classNames().size()) {
            throw new ParameterException(spec.commandLine(), "--top must be between 1 and "
                    + dataset.classNames().size() + ", got " + top);
        }
        long limit = data.resolveLimit(spec);
        Device device = engine.predictionDevice(spec);
        try (ImageClassifier classifier = ImageClassifier.load(modelDir, modelName,
                trainCommand, device, style)) {
            CheckpointFiles.requireKind(modelDir, classifier.manifest(), trainCommand,
                    ModelSpec.FRAMED_PICTURE, dataset.classNames().size(), ModelSpec.Head.SOFTMAX);
            if (images.isEmpty()) {
                printTestAccuracy(classifier, device, limit);
            } else {
                List<Classifications> answers = classifier.classifyFiles(images);
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
            RandomAccessDataset test = ImageSplits.test(cache, dataset, limit, device, manager);
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
