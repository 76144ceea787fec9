package org.linearmodels;

import ai.djl.Device;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.ArrayDataset;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.linearmodels.cli.Cli;
import org.linearmodels.cli.DataOptions;
import org.linearmodels.cli.EngineOptions;
import org.linearmodels.cli.Versions;
import org.linearmodels.data.DatasetCache;
import org.linearmodels.data.ImageDataset;
import org.linearmodels.data.ImageSplits;
import org.linearmodels.io.AtomicFiles;
import org.linearmodels.io.OutputDirectory;
import org.linearmodels.io.ProjectFiles;
import org.linearmodels.io.WriteFailure;
import org.linearmodels.model.Framing;
import org.linearmodels.predict.ImageClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Measures the MNIST predictor in process, after warm-up: the latency of one image at a time
 * (p50, p99) and the throughput in batches, on the MNIST test images; bench/run calls it.
 */
@Command(name = "PredictorBenchmark", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = Versions.class,
        description = "Times the MnistPredictor's model on the MNIST test images: single-image"
                + " latency and batched throughput, after warm-up.")
public final class PredictorBenchmark implements Callable<Integer> {

    @Option(names = "--model-dir", paramLabel = "DIR",
            description = "The checkpoint. Default: ${DEFAULT-VALUE}.")
    Path modelDir = ProjectFiles.path("models", MnistLogistic.NAME);

    @Option(names = "--calls", paramLabel = "N",
            description = "Single-image calls timed. Default: ${DEFAULT-VALUE}.")
    int calls = 20_000;

    @Option(names = "--batch", paramLabel = "N",
            description = "Images per batched call. Default: ${DEFAULT-VALUE}.")
    int batch = 1000;

    @Option(names = "--batches", paramLabel = "N",
            description = "Batched calls timed. Default: ${DEFAULT-VALUE}.")
    int batches = 50;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures here.")
    Path json;

    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        Cli.run(new PredictorBenchmark(), args);
    }

    @Override
    public Integer call() throws IOException {
        // Checked before the data and the model load: 0 calls would time nothing (p50 of none).
        if (calls < 1 || batch < 1 || batches < 1) {
            throw new ParameterException(spec.commandLine(), "--calls, --batch and --batches"
                    + " must be at least 1, got " + calls + ", " + batch + " and " + batches);
        }
        if (json != null) {
            if (Files.isDirectory(json)) {
                throw new ParameterException(spec.commandLine(), "--json " + json
                        + " is a directory; name a file");
            }
            OutputDirectory.requireWritable(json.toAbsolutePath().getParent(), "--json");
        }
        Device device = engine.predictionDevice(spec);
        List<float[]> images = testImages();
        if (batch > images.size()) {
            throw new ParameterException(spec.commandLine(), "--batch " + batch + " is larger"
                    + " than the " + images.size() + " test images");
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        try (ImageClassifier classifier = ImageClassifier.load(modelDir, MnistLogistic.NAME,
                Cli.command(MnistLogistic.class), device, Framing.MNIST)) {
            long[] latencies = singleImageLatencies(classifier, images);
            figures.put("single_p50_ms", percentile(latencies, 50) / 1e6);
            figures.put("single_p99_ms", percentile(latencies, 99) / 1e6);
            figures.put("batch_images_per_second", throughput(classifier, images));
            long[] framing = pictureLatencies(classifier, images);
            figures.put("picture_p50_ms", percentile(framing, 50) / 1e6);
        }
        System.out.printf(Locale.ROOT, "single image (28x28 pixels): p50 %.3f ms, p99 %.3f ms"
                + " over %d calls%n", figures.get("single_p50_ms"), figures.get("single_p99_ms"),
                calls);
        System.out.printf(Locale.ROOT, "batches of %d: %.0f images/s%n", batch,
                figures.get("batch_images_per_second"));
        System.out.printf(Locale.ROOT, "single picture, framed like MNIST first: p50 %.3f ms%n",
                figures.get("picture_p50_ms"));
        if (json != null) {
            StringBuilder text = new StringBuilder("{");
            figures.forEach((key, value) -> text.append(text.length() > 1 ? ", " : "")
                    .append('"').append(key).append("\": ").append(value));
            try {
                AtomicFiles.writeString(json, text.append("}\n").toString());
            } catch (IOException e) {
                throw WriteFailure.of(json, e, "The figures are printed above; choose another"
                        + " --json.");
            }
        }
        return 0;
    }

    private List<float[]> testImages() {
        DatasetCache cache = new DatasetCache(data.resolveDataDir());
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            ArrayDataset test = ImageSplits.test(cache, ImageDataset.MNIST,
                    data.resolveLimit(spec), Device.cpu(), manager);
            float[] all = test.getByRange(manager, 0, test.size()).getData().singletonOrThrow()
                    .toFloatArray();
            List<float[]> images = new ArrayList<>();
            for (int start = 0; start < all.length; start += 784) {
                images.add(Arrays.copyOfRange(all, start, start + 784));
            }
            return images;
        }
    }

    private long[] singleImageLatencies(ImageClassifier classifier, List<float[]> images) {
        for (int i = 0; i < Math.min(calls, 5000); i++) {
            classifier.classifyPixels(List.of(images.get(i % images.size())));
        }
        long[] nanos = new long[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            List<Classifications> answer = classifier.classifyPixels(
                    List.of(images.get(i % images.size())));
            nanos[i] = System.nanoTime() - start;
            if (answer.size() != 1) {
                throw new IllegalStateException("one answer expected");
            }
        }
        return nanos;
    }

    private double throughput(ImageClassifier classifier, List<float[]> images) {
        List<List<float[]>> chunks = new ArrayList<>();
        for (int start = 0; start + batch <= images.size(); start += batch) {
            chunks.add(images.subList(start, start + batch));
        }
        for (int i = 0; i < 10; i++) {
            classifier.classifyPixels(chunks.get(i % chunks.size()));
        }
        long start = System.nanoTime();
        for (int i = 0; i < batches; i++) {
            classifier.classifyPixels(chunks.get(i % chunks.size()));
        }
        return (double) batches * batch / ((System.nanoTime() - start) / 1e9);
    }

    /** The same images as pictures (grey, 28×28), through the full framing of a user's image. */
    private long[] pictureLatencies(ImageClassifier classifier, List<float[]> images) {
        List<Image> pictures = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            BufferedImage gray = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
            float[] pixels = images.get(i);
            for (int p = 0; p < 784; p++) {
                gray.getRaster().setSample(p % 28, p / 28, 0, Math.round(pixels[p] * 255));
            }
            pictures.add(ImageFactory.getInstance().fromImage(gray));
        }
        int count = Math.max(1, calls / 10);
        for (int i = 0; i < 500; i++) {
            classifier.classify(List.of(pictures.get(i % pictures.size())));
        }
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            classifier.classify(List.of(pictures.get(i % pictures.size())));
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    private static double percentile(long[] values, int percent) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.min(sorted.length - 1, rank)];
    }
}
