package org.linearmodels.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linearmodels.ChildJvm;
import org.linearmodels.MnistImages;
import org.linearmodels.MnistLogistic;
import org.linearmodels.ResidentMemory;
import org.linearmodels.TrainedMnist;
import org.linearmodels.data.ImageDataset;
import org.linearmodels.model.Framing;
import org.linearmodels.train.MemoryLog;

/** The predictors from many threads at once, and over many calls. */
class PredictorThreadsAndMemoryTest {

    @TempDir
    Path temp;

    private static List<Image> pictures(int count) throws IOException {
        List<Image> images = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            images.add(ImageFactory.getInstance().fromImage(
                    MnistImages.drawn(ImageDataset.MNIST, i, 1 + i % 4, i % 2 == 0)));
        }
        return images;
    }

    private static List<List<Double>> probabilities(List<Classifications> answers) {
        return answers.stream().map(Classifications::getProbabilities).toList();
    }

    @Test
    void eightThreadsGetExactlyTheSingleThreadedAnswers() throws Exception {
        List<Image> images = pictures(24);
        try (ImageClassifier classifier = ImageClassifier.load(TrainedMnist.directory(),
                MnistLogistic.NAME, "", Device.cpu(), Framing.MNIST)) {
            List<List<Double>> expected = new ArrayList<>();
            for (Image image : images) {
                expected.addAll(probabilities(classifier.classify(List.of(image))));
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<List<List<Double>>>> results = new ArrayList<>();
                for (int thread = 0; thread < 8; thread++) {
                    results.add(pool.submit(() -> {
                        List<List<Double>> answers = new ArrayList<>();
                        for (int round = 0; round < 5; round++) {
                            answers.clear();
                            for (Image image : images) {
                                answers.addAll(probabilities(classifier.classify(List.of(image))));
                            }
                        }
                        return answers;
                    }));
                }
                for (Future<List<List<Double>>> result : results) {
                    assertEquals(expected, result.get());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Tag("slow")
    @Test
    void sixThousandCallsLeaveNoArraysBehindAndResidentMemoryFlat() throws Exception {
        // A child JVM with a fixed, pre-touched heap: in the test JVM the heap's growing and
        // shrinking moved resident memory by hundreds of MB and hid what native memory did.
        ChildJvm.Exit exit = ChildJvm.run(temp, List.of("-Xms256m", "-Xmx256m",
                "-XX:+AlwaysPreTouch"), ManyCalls.class, TrainedMnist.directory().toString());
        assertEquals(0, exit.code(), exit.err().toString());
        List<Long> figures = exit.out().lines().map(Long::parseLong).toList();
        assertEquals(figures.get(0), figures.get(1), "no NDArray outlives its call");
        List<Long> residentKb = figures.subList(2, figures.size());
        // A leak of 10 KB a call would add 5 MB a window of 500 calls; the median step
        // ignores the one-off jumps a busy machine makes (ResidentMemory).
        assertTrue(ResidentMemory.medianStep(residentKb) < 2048,
                "resident memory per 500 calls, kB: " + residentKb);
    }

    /**
     * 1000 calls of warm-up, then ten windows of 500; prints the predictor's managed arrays
     * before and after, then resident memory after each window (kB), one number a line. Each
     * call frames a picture: 12 000 of them took 88 to 190 s on a 2-core machine loaded by
     * four builds, and once ran past the child's limit (then five minutes).
     */
    static final class ManyCalls {

        public static void main(String[] args) throws IOException {
            List<Image> images = pictures(10);
            try (ImageClassifier classifier = ImageClassifier.load(Path.of(args[0]),
                    MnistLogistic.NAME, "", Device.cpu(), Framing.MNIST)) {
                for (int i = 0; i < 1000; i++) {
                    classifier.classify(List.of(images.get(i % images.size())));
                }
                int arrays = classifier.managedArrays();
                List<Long> residentKb = new ArrayList<>();
                for (int window = 0; window < 10; window++) {
                    for (int i = 0; i < 500; i++) {
                        classifier.classify(List.of(images.get(i % images.size())));
                    }
                    residentKb.add(MemoryLog.kilobytes("VmRSS:"));
                }
                System.out.println(arrays);
                System.out.println(classifier.managedArrays());
                residentKb.forEach(System.out::println);
            }
        }
    }
}
