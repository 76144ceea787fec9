package org.linearmodels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import com.google.gson.Gson;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linearmodels.model.Checkpoint;
import org.linearmodels.model.CheckpointFiles;
import org.linearmodels.model.ModelSpec;
import org.linearmodels.model.TorchFileReader;
import org.linearmodels.model.TorchTensor;
import org.linearmodels.serve.ServedModel;

/**
 * The way in and the way back, proven with real PyTorch (Debian's python3-torch, which ./test
 * installs): PyTorch trains each tutorial's model a few steps and saves it as the seeds do and
 * as TorchScript; ImportPyTorch makes each a model directory whose answers on held-out inputs
 * equal PyTorch's, and which the predictor commands, Serve and plain Criteria load. Each
 * committed model is exported both ways and PyTorch's answers equal DJL's.
 */
class PyTorchRoundTripTest {

    private static final Path SCRIPT = Path.of("src/test/resources/pytorch/linear_models.py");
    private static final List<String> NAMES = List.of("linear-regression", "iris-logistic",
            "exam-logistic", "mnist-logistic", "fashion-mnist-softmax");
    private static final double TOLERANCE = 1e-5;
    private static final Gson GSON = new Gson();

    @TempDir
    static Path pytorchFiles;

    @TempDir
    Path temp;

    private static String python;

    /** Held-out inputs and PyTorch's answers, by model name. */
    private static final Map<String, Example> EXAMPLES = new LinkedHashMap<>();

    private record Example(float[][] inputs, float[][] answers) {}

    @BeforeAll
    static void pytorchTrainsAndSaves() throws Exception {
        python = pythonWithTorch();
        assumeTrue(python != null, "no python3 with PyTorch here; ./test installs Debian's"
                + " python3-torch, which these tests need");
        String log = runPython(List.of("save", pytorchFiles.toString()));
        System.out.println("Files written and read by " + log.strip());
        for (String name : NAMES) {
            EXAMPLES.put(name, GSON.fromJson(Files.readString(
                    pytorchFiles.resolve(name + ".json")), Example.class));
        }
    }

    @Test
    void importedModelsAnswerAsPyTorch() throws Exception {
        for (String name : NAMES) {
            for (String file : List.of(name + ".pt", name + ".torchscript.pt")) {
                Path dir = temp.resolve(file);
                CommandResult imported = CommandResult.run(new ImportPyTorch(),
                        pytorchFiles.resolve(file).toString(), "--as", name, "--output-dir",
                        dir.toString());
                assertEquals(0, imported.exitCode(), imported.err());
                Example example = EXAMPLES.get(name);
                assertSame(example.answers(), djlAnswers(dir, name, example.inputs()),
                        file + " imported");
            }
        }
    }

    /**
     * A state dict imported and exported again is the same tensors under the same names, bit
     * for bit; T1's seed module names its layer (linear.weight), the export names nn.Linear's.
     */
    @Test
    void importedStateDictsExportAsTheyCame() {
        for (String name : NAMES) {
            Path source = pytorchFiles.resolve(name + ".pt");
            Path dir = temp.resolve(name);
            Path back = temp.resolve(name + ".back.pt");
            assertEquals(0, CommandResult.run(new ImportPyTorch(), source.toString(), "--as",
                    name, "--output-dir", dir.toString()).exitCode());
            assertEquals(0, CommandResult.run(new ExportPyTorch(), dir.toString(), "--output",
                    back.toString()).exitCode());
            Map<String, TorchTensor> before = TorchFileReader.read(source).tensors();
            Map<String, TorchTensor> after = TorchFileReader.read(back).tensors();
            assertEquals(before.keySet().stream().map(key -> key.replace("linear.", ""))
                    .collect(Collectors.toSet()), after.keySet(), name);
            for (var entry : after.entrySet()) {
                TorchTensor original = before.getOrDefault(entry.getKey(),
                        before.get("linear." + entry.getKey()));
                assertArrayEquals(original.shape(), entry.getValue().shape(), name);
                assertArrayEquals(original.values(), entry.getValue().values(), name);
            }
        }
    }

    @Test
    void predictorsServeAndCriteriaLoadImportedModels() throws Exception {
        Path picture = temp.resolve("stroke.png");
        BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_INT_RGB);
        Graphics2D pen = image.createGraphics();
        pen.setColor(Color.WHITE);
        pen.fillRect(0, 0, 28, 28);
        pen.setColor(Color.BLACK);
        pen.setStroke(new BasicStroke(3));
        pen.drawLine(14, 4, 14, 24);
        pen.dispose();
        assertTrue(ImageIO.write(image, "png", picture.toFile()));
        Map<String, Object> predictors = Map.of("linear-regression", new LinearPredictor(),
                "iris-logistic", new IrisPredictor(), "exam-logistic", new ExamPredictor(),
                "mnist-logistic", new MnistPredictor(), "fashion-mnist-softmax",
                new FashionPredictor());
        Map<String, List<String>> inputs = Map.of("linear-regression", List.of("4"),
                "iris-logistic", List.of("5.1", "3.5", "1.4", "0.2"), "exam-logistic",
                List.of("60", "80"), "mnist-logistic", List.of(picture.toString()),
                "fashion-mnist-softmax", List.of(picture.toString()));
        for (String name : NAMES) {
            Path dir = temp.resolve(name);
            assertEquals(0, CommandResult.run(new ImportPyTorch(),
                    pytorchFiles.resolve(name + ".pt").toString(), "--as", name,
                    "--output-dir", dir.toString()).exitCode());
            List<String> args = new ArrayList<>(List.of("--model-dir", dir.toString()));
            args.addAll(inputs.get(name));
            CommandResult predicted = CommandResult.run(predictors.get(name),
                    args.toArray(String[]::new));
            assertEquals(0, predicted.exitCode(), name + ": " + predicted.err());
            try (ServedModel served = ServedModel.load(dir, Device.cpu())) {
                assertEquals(name, served.name());
            }
        }
        try (ServedModel served = ServedModel.load(temp.resolve("iris-logistic"), Device.cpu())) {
            String answer = served.answer("[5.1, 3.5, 1.4, 0.2]"
                    .getBytes(StandardCharsets.UTF_8), "application/json").toString();
            assertTrue(answer.contains("setosa"), answer);
        }
        try (ZooModel<Image, Classifications> model = ModelDirectoriesTest.load(
                temp.resolve("mnist-logistic"), Image.class, Classifications.class);
                Predictor<Image, Classifications> predictor = model.newPredictor()) {
            assertEquals(10, predictor.predict(ImageFactory.getInstance().fromFile(picture))
                    .items().size());
        }
    }

    @Test
    void committedModelsRunInPyTorchAsInDjl() throws Exception {
        List<Map<String, Object>> jobs = new ArrayList<>();
        List<float[][]> expected = new ArrayList<>();
        Random random = new Random(0);
        for (String name : NAMES) {
            Path dir = Path.of("models", name);
            int features = (int) CheckpointFiles.readManifest(dir, "train").model().features();
            float[][] inputs = new float[4][features];
            for (float[] row : inputs) {
                for (int j = 0; j < features; j++) {
                    row[j] = name.equals("iris-logistic") ? 4 + 4 * random.nextFloat()
                            : name.equals("linear-regression") ? 10 * random.nextFloat() - 5
                            : random.nextFloat();
                }
            }
            float[][] answers = djlAnswers(dir, name, inputs);
            for (String format : List.of("state-dict", "torchscript")) {
                Path file = temp.resolve(name + "." + format + ".pt");
                CommandResult exported = CommandResult.run(new ExportPyTorch(), dir.toString(),
                        "--output", file.toString(), "--format", format);
                assertEquals(0, exported.exitCode(), exported.err());
                jobs.add(Map.of("file", file.toString(), "format", format, "name", name,
                        "inputs", inputs));
                expected.add(answers);
            }
        }
        Path jobFile = temp.resolve("jobs.json");
        Files.writeString(jobFile, GSON.toJson(jobs));
        float[][][] pytorch = GSON.fromJson(runPython(List.of("run", jobFile.toString()))
                .lines().reduce((first, second) -> second).orElseThrow(), float[][][].class);
        for (int i = 0; i < jobs.size(); i++) {
            assertSame(pytorch[i], expected.get(i), jobs.get(i).get("file") + " in PyTorch");
        }
    }

    @Test
    void filesOfAnotherModelOrNotPyTorchsExitWithTheCheckpointCode() throws IOException {
        Path truncated = temp.resolve("truncated.pt");
        byte[] whole = Files.readAllBytes(pytorchFiles.resolve("mnist-logistic.pt"));
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
        Path text = temp.resolve("notes.pt");
        Files.writeString(text, "not a model");
        List<List<String>> cases = List.of(
                List.of(pytorchFiles.resolve("mnist-logistic.pt").toString(), "iris-logistic"),
                List.of(pytorchFiles.resolve("iris-logistic.torchscript.pt").toString(),
                        "exam-logistic"),
                List.of(truncated.toString(), "mnist-logistic"),
                List.of(text.toString(), "mnist-logistic"),
                List.of(temp.resolve("missing.pt").toString(), "mnist-logistic"));
        for (List<String> wrong : cases) {
            CommandResult result = CommandResult.run(new ImportPyTorch(), wrong.get(0), "--as",
                    wrong.get(1), "--output-dir", temp.resolve("refused").toString());
            assertEquals(6, result.exitCode(), wrong.toString());
            assertEquals(1, result.errLines().size(), result.err());
            assertTrue(result.err().startsWith("error: " + wrong.get(0)), result.err());
        }
        assertTrue(Files.notExists(temp.resolve("refused")));
    }

    /** The model's answers: its Linear layer's outputs read through its head. */
    private static float[][] djlAnswers(Path dir, String name, float[][] inputs) {
        try (Checkpoint checkpoint = CheckpointFiles.load(dir, name, "train", Device.cpu());
                Predictor<NDList, NDList> predictor =
                        checkpoint.model().newPredictor(new NoopTranslator());
                NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            ModelSpec spec = checkpoint.manifest().model();
            NDArray x = manager.create(inputs).reshape(spec.batchShape(inputs.length));
            NDArray out = predictor.predict(new NDList(x)).singletonOrThrow();
            NDArray answers = switch (spec.head()) {
                case IDENTITY -> out;
                case SIGMOID -> Activation.sigmoid(out);
                case SOFTMAX -> out.softmax(1);
            };
            float[] flat = answers.toFloatArray();
            int width = flat.length / inputs.length;
            float[][] rows = new float[inputs.length][];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = Arrays.copyOfRange(flat, i * width, (i + 1) * width);
            }
            return rows;
        } catch (Exception e) {
            throw new AssertionError(dir + ": " + e, e);
        }
    }

    /** Equal within {@link #TOLERANCE}, and every example in the same class. */
    private static void assertSame(float[][] expected, float[][] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].length, actual[i].length, what);
            for (int j = 0; j < expected[i].length; j++) {
                assertEquals(expected[i][j], actual[i][j], TOLERANCE, what + " example " + i);
            }
            assertEquals(className(expected[i]), className(actual[i]), what + " example " + i);
        }
    }

    private static int className(float[] answer) {
        if (answer.length == 1) {
            return answer[0] > 0.5 ? 1 : 0;
        }
        int best = 0;
        for (int j = 1; j < answer.length; j++) {
            best = answer[j] > answer[best] ? j : best;
        }
        return best;
    }

    /** $PYTHON, else the first python3 on PATH, else Debian's, that imports torch. */
    private static String pythonWithTorch() throws Exception {
        List<String> candidates = new ArrayList<>();
        if (System.getenv("PYTHON") != null) {
            candidates.add(System.getenv("PYTHON"));
        }
        for (String dir : System.getenv("PATH").split(File.pathSeparator)) {
            candidates.add(Path.of(dir, "python3").toString());
        }
        candidates.add("/usr/bin/python3");
        for (String candidate : candidates) {
            if (new File(candidate).canExecute()) {
                Process check = new ProcessBuilder(candidate, "-c", "import torch")
                        .redirectErrorStream(true).start();
                check.getInputStream().readAllBytes();
                if (check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** Runs the script; returns its output, its first error line naming PyTorch's version. */
    private static String runPython(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(python, SCRIPT.toString()));
        command.addAll(args);
        Path err = Files.createTempFile("pytorch", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
            String out = new String(process.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(process.waitFor(300, TimeUnit.SECONDS), "the script hangs");
            String log = Files.readString(err);
            assertEquals(0, process.exitValue(), log);
            return args.get(0).equals("save") ? log : out;
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
