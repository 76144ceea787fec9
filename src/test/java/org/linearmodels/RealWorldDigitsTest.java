package org.linearmodels;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.modality.Classifications;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linearmodels.RealWorldDigits.Sample;
import org.linearmodels.RealWorldDigits.Style;
import org.linearmodels.model.Framing;
import org.linearmodels.predict.ImageClassifier;

/**
 * How well MnistPredictor reads pictures from the real world ({@link RealWorldDigits}), per
 * style, with the model the server's page uses (models/mnist-logistic-fast-printed, trained
 * with {@code --preset fast --printed-digits 36}); prints the table. Tagged slow, so it runs
 * with -Pfull; to measure another checkpoint, e.g. the tutorial's: {@code ./mvnw -B -o -q test
 * -Pfull -Dtest=RealWorldDigitsTest -Ddigits.model=models/mnist-logistic}.
 */
@Tag("slow")
class RealWorldDigitsTest {

    /** The targets for the page's model: overall, and the worst style. */
    private static final double OVERALL = 0.85;
    private static final double WORST_STYLE = 0.80;

    @TempDir
    Path temp;

    @Test
    void thePagesModelReadsSeventeenInTwentyPicturesAndEveryStyleAtLeastFourInFive()
            throws IOException {
        String given = System.getProperty("digits.model");
        Path model = given == null ? Path.of("models", Serve.PAGE_MODEL) : Path.of(given);
        Map<Style, int[]> scores = new EnumMap<>(Style.class);
        try (ImageClassifier classifier = ImageClassifier.load(model, "mnist-logistic",
                "MnistLogistic", Device.cpu(), Framing.MNIST)) {
            for (Style style : Style.values()) {
                List<Sample> samples = RealWorldDigits.of(style);
                List<Path> files = new ArrayList<>();
                for (int i = 0; i < samples.size(); i++) {
                    Sample sample = samples.get(i);
                    Path file = temp.resolve(style + "-" + i + "." + sample.extension());
                    Files.write(file, sample.bytes());
                    files.add(file);
                }
                List<Classifications> answers = classifier.classifyFiles(files);
                int correct = 0;
                for (int i = 0; i < samples.size(); i++) {
                    String best = answers.get(i).best().getClassName();
                    if (best.equals(Integer.toString(samples.get(i).digit()))) {
                        correct++;
                    }
                }
                scores.put(style, new int[] {correct, samples.size()});
            }
        }
        System.out.println(table(scores, model));
        int correct = scores.values().stream().mapToInt(s -> s[0]).sum();
        int all = scores.values().stream().mapToInt(s -> s[1]).sum();
        assertTrue(correct >= OVERALL * all, table(scores, model));
        for (Map.Entry<Style, int[]> score : scores.entrySet()) {
            assertTrue(score.getValue()[0] >= WORST_STYLE * score.getValue()[1],
                    score.getKey().label() + ": " + table(scores, model));
        }
    }

    private static String table(Map<Style, int[]> scores, Path model) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "Real-world digits read by %s (%s):%n", model, String.join(", ",
                        RealWorldDigits.sources())));
        int correct = 0;
        int all = 0;
        for (Map.Entry<Style, int[]> score : scores.entrySet()) {
            int[] s = score.getValue();
            table.append(String.format(Locale.ROOT, "  %-22s %4d / %4d  %5.1f %%%n",
                    score.getKey().label(), s[0], s[1], 100.0 * s[0] / s[1]));
            correct += s[0];
            all += s[1];
        }
        return table.append(String.format(Locale.ROOT, "  %-22s %4d / %4d  %5.1f %%", "all",
                correct, all, 100.0 * correct / all)).toString();
    }
}
