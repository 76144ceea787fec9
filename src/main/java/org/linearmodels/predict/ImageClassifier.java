package org.linearmodels.predict;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.linearmodels.errors.BadInputException;
import org.linearmodels.errors.Causes;
import org.linearmodels.errors.CheckpointException;
import org.linearmodels.errors.CorruptDataException;
import org.linearmodels.model.Checkpoint;
import org.linearmodels.model.CheckpointFiles;
import org.linearmodels.model.CorrectCount;
import org.linearmodels.model.Framing;
import org.linearmodels.model.Manifest;
import org.linearmodels.model.ModelSpec;

/**
 * A trained image classifier loaded from its checkpoint directory: classifies image files, or
 * measures accuracy on a labelled DJL dataset, both through DJL {@link Predictor}s.
 */
public final class ImageClassifier implements AutoCloseable {

    private final Model model;
    private final Manifest manifest;
    private final PredictorPool<Image, Classifications> pictures;
    private final PredictorPool<float[], Classifications> pixels;

    private ImageClassifier(Checkpoint checkpoint, Framing style) {
        this.model = checkpoint.model();
        this.manifest = checkpoint.manifest();
        List<String> names = manifest.model().classNames();
        pictures = new PredictorPool<>(model, new ImageClassifierTranslator(names, style));
        pixels = new PredictorPool<>(model, new PixelsTranslator(names));
    }

    /**
     * Loads the checkpoint in {@code directory}, which must be a {@code name} checkpoint.
     *
     * @param trainHint the command that trains one, for the error when there is none
     * @param style how the training images were framed, to frame a user's pictures alike
     */
    public static ImageClassifier load(Path directory, String name, String trainHint,
            Device device, Framing style) {
        Checkpoint checkpoint = CheckpointFiles.load(directory, name, trainHint, device);
        try {
            CheckpointFiles.requireKind(directory, checkpoint.manifest(), trainHint,
                    ModelSpec.FRAMED_PICTURE, 0, ModelSpec.Head.SOFTMAX);
        } catch (CheckpointException e) {
            checkpoint.close();
            throw e;
        }
        return new ImageClassifier(checkpoint, style);
    }

    public Manifest manifest() {
        return manifest;
    }

    /**
     * Class probabilities for each image file, in order; every file is read before any runs.
     * One at a time, so that a blank picture is named in its error.
     */
    public List<Classifications> classifyFiles(List<Path> files) {
        List<Image> images = new ArrayList<>(files.size());
        for (Path file : files) {
            images.add(ImageFiles.readGray(file));
        }
        List<Classifications> answers = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            try {
                answers.add(pictures.predict(images.get(i)));
            } catch (TranslateException e) {
                throw blankOr(e, files.get(i));
            }
        }
        return answers;
    }

    /**
     * Class probabilities for each picture, framed first as the training images were. Safe from
     * any number of threads at once: each call borrows its own DJL Predictor.
     */
    public List<Classifications> classify(List<Image> images) {
        try {
            return pictures.predict(images);
        } catch (TranslateException e) {
            throw blankOr(e, "a picture");
        }
    }

    /**
     * The error to report for a failed prediction: "no digit found in {@code source}" when the
     * framing found a blank picture, else the translation failure.
     */
    private static BadInputException blankOr(TranslateException failure, Object source) {
        return BlankPictureException.causing(failure)
                .<BadInputException>map(blank -> blank.naming(source))
                .orElseGet(() -> new BadInputException("cannot classify " + source
                        + ": " + Causes.of(failure) + ".", failure));
    }

    /**
     * Class probabilities for images already framed as the training set's: 784 floats in
     * [0, 1] each. The fast path, for data like the test set; thread-safe like
     * {@link #classify}.
     */
    public List<Classifications> classifyPixels(List<float[]> images) {
        try {
            return pixels.predict(images);
        } catch (TranslateException e) {
            throw new BadInputException("cannot classify the images: "
                    + Causes.of(e) + ".", e);
        }
    }

    /** The most probable class of each image of an (n, 1, 28, 28) batch framed as in training. */
    public int[] predictClasses(NDArray images) {
        try (Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator())) {
            return predictor.predict(new NDList(images)).singletonOrThrow().argMax(1)
                    .toType(DataType.INT32, false).toIntArray();
        } catch (TranslateException e) {
            throw new IllegalStateException("prediction failed: " + e.getMessage(), e);
        }
    }

    /** The fraction of {@code data} classified correctly. */
    public double accuracy(Dataset data, NDManager manager) {
        try (Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator());
                NDManager sums = manager.newSubManager()) {
            CorrectCount accuracy = CorrectCount.argmax();
            NDArray correct = sums.zeros(new Shape());
            long seen = 0;
            for (Batch batch : data.getData(manager)) {
                try (batch) {
                    NDList logits = predictor.predict(batch.getData());
                    correct.addi(accuracy.count(logits.singletonOrThrow(),
                            batch.getLabels().singletonOrThrow()));
                    seen += batch.getSize();
                }
            }
            return (double) correct.getFloat() / seen;
        } catch (IOException | TranslateException e) {
            throw new CorruptDataException("cannot evaluate on the data set: "
                    + Causes.of(e) + ".", e);
        }
    }

    /** How many NDArrays the model's memory holds: the same between calls when nothing leaks. */
    int managedArrays() {
        return model.getNDManager().getManagedArrays().size();
    }

    @Override
    public void close() {
        pictures.close();
        pixels.close();
        model.close();
    }
}
