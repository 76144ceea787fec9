package org.linearmodels.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import ai.djl.translate.TranslateException;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linearmodels.CommandResult;
import org.linearmodels.IrisLogistic;
import org.linearmodels.IrisPredictor;
import org.linearmodels.MnistLogistic;
import org.linearmodels.cli.Cli;
import org.linearmodels.cli.ExitCode;
import org.linearmodels.data.Checksums;
import org.linearmodels.engine.PyTorch;
import org.linearmodels.errors.CheckpointException;
import org.linearmodels.train.CheckpointSaver;
import org.linearmodels.train.History;
import org.linearmodels.train.TrainingRun;

class CheckpointFilesTest {

    private static final String NAME = "toy-classifier";
    private static final String HINT = "train the toy";
    private static final ModelSpec SPEC = new ModelSpec(List.of(1L, 4L, 4L), 3,
            ModelSpec.Head.SOFTMAX, null, List.of("a", "b", "c"));

    @TempDir
    Path dir;

    private NDManager manager;
    private NDArray inputs;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
        inputs = manager.randomUniform(0f, 1f, new Shape(64, 1, 4, 4));
    }

    @AfterEach
    void close() {
        manager.close();
    }

    /** Trains the toy classifier two epochs into {@code dir}; returns its outputs on inputs. */
    private float[] trainAndPredict() throws IOException, TranslateException {
        NDArray labels = inputs.sum(new int[] {1, 2, 3}).gt(8f).toType(DataType.FLOAT32, false)
                .add(inputs.get(":, 0, 0, 0").gt(0.5f));
        ArrayDataset data = new ArrayDataset.Builder().setData(inputs).optLabels(labels)
                .setSampling(16, true).build();
        TrainingSettings settings = new TrainingSettings(2, 16, 0.5f, OptimizerChoice.SGD, null, 3,
                null);
        History history = new History(CorrectCount.argmax(), List.of());
        // Seeded: DJL's first step refuses gradients that sum to exactly 0, which softmax's
        // can by cancellation for an unlucky start.
        PyTorch.engine().setRandomSeed(settings.seed());
        try (Model model = Model.newInstance(NAME, Device.cpu(), PyTorch.NAME)) {
            model.setBlock(SPEC.newBlock());
            DefaultTrainingConfig config = new DefaultTrainingConfig(new SoftmaxCrossEntropyLoss())
                    .optOptimizer(settings.newOptimizer(4, 0))
                    .addTrainingListeners(history, new CheckpointSaver(
                            new TrainingRun(NAME, SPEC, settings), history, dir, 1, 2));
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(SPEC.batchShape(1));
                EasyTrain.fit(trainer, 2, data, null);
            }
            return forward(model);
        }
    }

    private float[] forward(Model model) {
        return model.getBlock().forward(new ParameterStore(manager, false), new NDList(inputs),
                false).singletonOrThrow().toFloatArray();
    }

    @Test
    void saveThenLoadGivesIdenticalPredictions() throws Exception {
        float[] trained = trainAndPredict();
        try (Checkpoint loaded = CheckpointFiles.load(dir, NAME, HINT, Device.cpu())) {
            assertArrayEquals(trained, forward(loaded.model()));
            assertEquals(2, loaded.manifest().epoch());
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of("manifest.json", "serving.properties",
                    "toy-classifier-0002.params"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "only the latest parameters are kept, and no temporary files");
        }
    }

    @Test
    void aDamagedParameterFileIsRefused() throws Exception {
        trainAndPredict();
        Path params = dir.resolve("toy-classifier-0002.params");
        try (RandomAccessFile file = new RandomAccessFile(params.toFile(), "rw")) {
            file.seek(file.length() - 5);
            file.write(0x7f);
        }
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> CheckpointFiles.load(dir, NAME, HINT, Device.cpu()));
        assertTrue(e.getMessage().startsWith(params + " is damaged"), e.getMessage());
    }

    @Test
    void anotherModelsCheckpointIsRefused() throws Exception {
        trainAndPredict();
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> CheckpointFiles.load(dir, "mnist-logistic", HINT, Device.cpu()));
        assertTrue(e.getMessage().startsWith(dir + " holds a 'toy-classifier' checkpoint, not"
                + " 'mnist-logistic'"), e.getMessage());
    }

    @Test
    void parametersOfAnotherShapeAreRefused() throws Exception {
        trainAndPredict();
        Path file = dir.resolve(Manifest.FILE_NAME);
        Manifest manifest = Manifest.read(file);
        ModelSpec wider = new ModelSpec(List.of(1L, 4L, 4L), 5, ModelSpec.Head.SOFTMAX, null,
                List.of("a", "b", "c", "d", "e"));
        Manifest edited = new Manifest(manifest.format(), manifest.name(), manifest.description(),
                wider, manifest.paramsFile(), manifest.paramsSha256(), manifest.epoch(),
                manifest.training(), manifest.options(), manifest.data(), manifest.figures(),
                manifest.history(), manifest.versions(), manifest.createdAt(), null);
        Files.writeString(file, edited.toJson());
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> CheckpointFiles.load(dir, NAME, HINT, Device.cpu()));
        assertTrue(e.getMessage().contains("holds a weight of shape (3, 16) but manifest.json"
                + " describes (5, 16)"), e.getMessage());
    }

    @Test
    void aDamagedManifestIsRefused() throws Exception {
        trainAndPredict();
        Files.writeString(dir.resolve(Manifest.FILE_NAME), "{\"name\": ");
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> CheckpointFiles.load(dir, NAME, HINT, Device.cpu()));
        assertEquals(dir.resolve(Manifest.FILE_NAME) + " is not a valid manifest (the file ends"
                + " early (truncated)); it was edited or damaged. Train again: " + HINT + ".",
                e.getMessage());
    }

    @Test
    void aManifestThatIsNotJsonIsOneLineWithoutGsonsAdvice() throws Exception {
        trainAndPredict();
        Files.writeString(dir.resolve(Manifest.FILE_NAME), "<html>not a manifest</html>");
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> CheckpointFiles.load(dir, NAME, HINT, Device.cpu()));
        assertEquals(dir.resolve(Manifest.FILE_NAME) + " is not a valid manifest (it is not"
                + " a JSON object); it was edited or damaged. Train again: " + HINT + ".",
                e.getMessage());
    }

    /** A parameter file cut short whose manifest vouches for it (re-hashed): not ": null". */
    @Test
    void aTruncatedParameterFileThatItsManifestVouchesForNamesTheCause() throws Exception {
        trainAndPredict();
        Manifest manifest = Manifest.read(dir.resolve(Manifest.FILE_NAME));
        Path params = dir.resolve(manifest.paramsFile());
        try (RandomAccessFile file = new RandomAccessFile(params.toFile(), "rw")) {
            file.setLength(file.length() - 40);
        }
        Files.writeString(dir.resolve(Manifest.FILE_NAME), manifest.withParams(
                manifest.paramsFile(), Checksums.sha256(params)).toJson());
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> CheckpointFiles.load(dir, NAME, HINT, Device.cpu()));
        assertEquals("cannot load " + params + ": the file ends early (truncated). Train again: "
                + HINT + ".", e.getMessage());
    }

    @Test
    void aModelDirectoryThatIsAFileSaysSo() throws IOException {
        Path file = Files.writeString(dir.resolve("model"), "x");
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> CheckpointFiles.load(file, NAME, HINT, Device.cpu()));
        assertEquals(file + " is a file, not a model directory; give the directory a trainer"
                + " wrote (its --output-dir).", e.getMessage());
    }

    @Test
    void aFramedImageSpecOfAnotherShapeIsNotUsable() {
        ModelSpec spec = new ModelSpec(List.of(4L), 10, ModelSpec.Head.SOFTMAX, null,
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), Framing.MNIST);
        assertEquals("a framed image model takes [1, 28, 28] pictures into a SOFTMAX head, not"
                + " [4] into SOFTMAX", spec.problem());
    }

    @Test
    void aManifestWithAnUnknownFramingIsRefusedNamingIt() throws IOException {
        String json = Files.readString(Path.of("models", MnistLogistic.NAME, Manifest.FILE_NAME))
                .replace("\"framing\": \"MNIST\"", "\"framing\": \"SEPIA\"");
        JsonParseException refused = assertThrows(JsonParseException.class,
                () -> Manifest.fromJson(json));
        assertEquals("the framing 'SEPIA' is not one of [MNIST, FASHION_MNIST]",
                refused.getMessage());
    }

    /**
     * An Iris manifest edited to an IDENTITY head (shapes, sha256 and class names consistent):
     * it loads, but IrisPredictor reads a probability, so it is refused before predicting.
     */
    @Test
    void aCheckpointOfAnotherHeadIsRefusedByThePredictor() throws IOException {
        Path copy = dir.resolve("iris");
        Files.createDirectories(copy);
        for (Path file : Files.list(Path.of("models", IrisLogistic.NAME)).toList()) {
            Files.copy(file, copy.resolve(file.getFileName()));
        }
        Manifest manifest = Manifest.read(copy.resolve(Manifest.FILE_NAME));
        ModelSpec spec = manifest.model();
        ModelSpec identity = new ModelSpec(spec.inputShape(), 1, ModelSpec.Head.IDENTITY,
                spec.inputScale(), List.of());
        Files.writeString(copy.resolve(Manifest.FILE_NAME), new Manifest(manifest.format(),
                manifest.name(), manifest.description(), identity, manifest.paramsFile(),
                manifest.paramsSha256(), manifest.epoch(), manifest.training(),
                manifest.options(), manifest.data(), manifest.figures(), manifest.history(),
                manifest.versions(), manifest.createdAt(), manifest.timings()).toJson());
        CommandResult run = CommandResult.run(new IrisPredictor(), "--model-dir",
                copy.toString(), "5.1", "3.5", "1.4", "0.2");
        assertEquals(ExitCode.CHECKPOINT.code(), run.exitCode(), run.err());
        assertEquals(List.of("error: " + copy + " holds a 'iris-logistic' model that does not"
                + " fit: it takes [4] into 1 IDENTITY output, this command needs [4] into 1"
                + " SIGMOID. Its manifest was edited or comes from another model; train again: "
                + Cli.command(IrisLogistic.class) + "."), run.errLines());
    }
}
