package org.linearmodels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.modality.Input;
import ai.djl.modality.Output;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.DeferredTranslatorFactory;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linearmodels.data.ImageDataset;
import org.linearmodels.errors.CheckpointException;
import org.linearmodels.model.Manifest;

/**
 * Every committed model directory loads through plain DJL {@link Criteria}, given nothing but
 * its path and the input and output types (as the README shows a DJL user), and answers what
 * the predictor commands print.
 */
class ModelDirectoriesTest {

    @TempDir
    Path temp;

    /** What a DJL user writes: the path, the types, DJL's DeferredTranslatorFactory. */
    static <I, O> ZooModel<I, O> load(Path dir, Class<I> input, Class<O> output)
            throws Exception {
        return Criteria.builder()
                .setTypes(input, output)
                .optModelPath(dir)
                .optTranslatorFactory(new DeferredTranslatorFactory())
                .build()
                .loadModel();
    }

    @Test
    void imageModelsAnswerAsTheirPredictorCommands() throws Exception {
        checkImages(ImageDataset.MNIST, "mnist-logistic", new MnistPredictor());
        checkImages(ImageDataset.FASHION_MNIST, "fashion-mnist-softmax", new FashionPredictor());
    }

    private void checkImages(ImageDataset dataset, String name, Object command) throws Exception {
        Path dir = Path.of("models", name);
        List<String> args = new ArrayList<>(List.of("--model-dir", dir.toString(), "--top", "3"));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Path file = temp.resolve(name + "-" + i + ".png");
            BufferedImage picture = MnistImages.drawn(dataset, i, 3, i % 2 == 0);
            assertTrue(ImageIO.write(picture, "png", file.toFile()));
            files.add(file);
            args.add(file.toString());
        }
        CommandResult printed = CommandResult.run(command, args.toArray(String[]::new));
        assertEquals(0, printed.exitCode(), printed.err());
        List<String> lines = printed.out().lines().toList();
        try (ZooModel<Image, Classifications> model = load(dir, Image.class,
                Classifications.class);
                Predictor<Image, Classifications> predictor = model.newPredictor()) {
            for (int i = 0; i < files.size(); i++) {
                Image image = ImageFactory.getInstance().fromFile(files.get(i));
                assertEquals(lines.get(i), files.get(i) + ": "
                        + top3(predictor.predict(image)), name + " image " + i);
            }
        }
        try (ZooModel<Input, Output> model = load(dir, Input.class, Output.class);
                Predictor<Input, Output> predictor = model.newPredictor()) {
            Input request = new Input();
            request.add(Files.readAllBytes(files.get(0)));
            String json = predictor.predict(request).getData().getAsString();
            String best = lines.get(0).replaceFirst(".*: ", "").replaceFirst(" \\(.*", "");
            assertTrue(json.startsWith("[{\"className\":\"" + best + "\""), json);
        }
    }

    private static String top3(Classifications answer) {
        return answer.topK(3).stream()
                .map(c -> String.format(Locale.ROOT, "%s (%.2f %%)", c.getClassName(),
                        100 * c.getProbability()))
                .collect(Collectors.joining(", "));
    }

    @Test
    void tabularModelsAnswerAsTheirPredictorCommands() throws Exception {
        float[] t1 = rowAnswer("linear-regression", 4f);
        assertEquals(String.format(Locale.ROOT, "x = 4: y = %.4f", t1[0]),
                CommandResult.run(new LinearPredictor(), "4").out().strip());
        float[] t2 = rowAnswer("iris-logistic", 7.0f, 3.2f, 4.7f, 1.4f);
        assertEquals(String.format(Locale.ROOT, "7, 3.2, 4.7, 1.4: versicolor (%.2f %%)",
                100 * t2[0]), CommandResult.run(new IrisPredictor(), "7.0", "3.2", "4.7", "1.4")
                        .out().strip());
        float[] t3 = rowAnswer("exam-logistic", 45f, 85f);
        assertEquals(String.format(Locale.ROOT, "scores 45 and 85: P(admitted) = %.3f, so"
                + " admitted", t3[0]), CommandResult.run(new ExamPredictor(), "45", "85").out()
                        .strip());
        assertEquals("x = 4: y = 7.8612", String.format(Locale.ROOT, "x = 4: y = %.4f", t1[0]));

        try (ZooModel<Input, Output> model = load(Path.of("models", "iris-logistic"),
                Input.class, Output.class);
                Predictor<Input, Output> predictor = model.newPredictor()) {
            Input request = new Input();
            request.add("7.0,3.2,4.7,1.4");
            assertEquals("[" + t2[0] + "]", predictor.predict(request).getData().getAsString());
        }
    }

    private static float[] rowAnswer(String name, float... row) throws Exception {
        try (ZooModel<float[], float[]> model = load(Path.of("models", name), float[].class,
                float[].class);
                Predictor<float[], float[]> predictor = model.newPredictor()) {
            return predictor.predict(row);
        }
    }

    /**
     * In a child JVM: DJL 0.35.1's loader does not close the model it loaded when the translator
     * factory then refuses, and its finalizer's warning would land in another test's output.
     */
    @Test
    void withoutTheDeferredFactoryDjlsGenericImageTranslatorRefusesWithTheFix(@TempDir Path temp)
            throws Exception {
        ChildJvm.Exit exit = ChildJvm.run(temp, List.of(), GenericTranslator.class);
        assertEquals(0, exit.code(), exit.err().toString());
        assertTrue(exit.out().contains("optTranslatorFactory(new"
                + " ai.djl.translate.DeferredTranslatorFactory())"), exit.out());
    }

    /** Loads models/mnist-logistic for Image without the deferred factory; prints the refusal. */
    static final class GenericTranslator {
        public static void main(String[] args) throws Exception {
            Criteria<Image, Classifications> criteria = Criteria.builder()
                    .setTypes(Image.class, Classifications.class)
                    .optModelPath(Path.of("models", "mnist-logistic"))
                    .build();
            try (ZooModel<Image, Classifications> model = criteria.loadModel()) {
                System.out.println("loaded, not refused: " + model.getName());
            } catch (IllegalArgumentException e) {
                System.out.println(e.getMessage());
            }
        }
    }

    /** A manifest that names a file its epoch does not, or one outside the folder, loads none. */
    @Test
    void aManifestThatDisagreesWithItsParameterFileLoadsNothing() throws Exception {
        Path dir = copyOf("mnist-logistic");
        Manifest manifest = Manifest.read(dir.resolve(Manifest.FILE_NAME));
        Files.copy(dir.resolve(manifest.paramsFile()), dir.resolve("mnist-logistic-0004.params"));
        for (String edit : List.of("\"epoch\": 4", "\"paramsFile\": \"../mnist-logistic-0005"
                + ".params\"")) {
            String json = Files.readString(dir.resolve(Manifest.FILE_NAME));
            String changed = edit.startsWith("\"epoch\"")
                    ? json.replace("\"epoch\": 5", edit)
                    : json.replace("\"paramsFile\": \"mnist-logistic-0005.params\"", edit);
            Path copy = temp.resolve("edited-" + edit.length());
            Files.createDirectories(copy);
            for (Path file : Files.list(dir).toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
            Files.writeString(copy.resolve(Manifest.FILE_NAME), changed);
            CheckpointException e = assertThrows(CheckpointException.class,
                    () -> load(copy, Image.class, Classifications.class));
            assertTrue(e.getMessage().contains("nothing is loaded"), e.getMessage());
        }
    }

    private Path copyOf(String name) throws IOException {
        Path dir = temp.resolve(name);
        Files.createDirectories(dir);
        for (Path file : Files.list(Path.of("models", name)).toList()) {
            Files.copy(file, dir.resolve(file.getFileName()));
        }
        return dir;
    }
}
