package org.linearmodels;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.linearmodels.cli.Cli;
import org.linearmodels.cli.Versions;
import org.linearmodels.data.Checksums;
import org.linearmodels.data.TutorialTables;
import org.linearmodels.engine.PyTorch;
import org.linearmodels.model.CheckpointFiles;
import org.linearmodels.model.Manifest;
import org.linearmodels.model.ModelSpec;
import org.linearmodels.model.PyTorchLinear;
import org.linearmodels.model.TorchFileReader;
import org.linearmodels.model.TorchTensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Makes a model trained in PyTorch a DJL model directory, as training here writes one: its
 * parameters, a manifest naming the source file and its sha256, and serving.properties, so that
 * Criteria, the predictors and Serve load it. DJL itself loads TorchScript only, and even then
 * knows nothing of the tutorials' heads, class names or input scaling.
 */
@Command(name = "ImportPyTorch", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = Versions.class,
        description = "Imports a PyTorch model of one of the five tutorials' shapes, saved with"
                + " torch.save(model.state_dict(), FILE) (T2, T5: the dict of the hand-made w or"
                + " W and b) or as TorchScript, into a DJL model directory that the predictors,"
                + " Serve and DJL's Criteria load. A file of another model, damaged, or not"
                + " PyTorch's: one line and exit code 6.")
public final class ImportPyTorch implements Callable<Integer> {

    /** Each tutorial's model, as its command describes it when it saves one. */
    private static final Map<String, Supplier<ModelSpec>> MODELS = Map.of(
            LinearRegression.NAME, () -> LinearRegressionCommand.MODEL,
            IrisLogistic.NAME, () -> IrisLogisticCommand.model(TutorialTables.iris(null)),
            ExamLogistic.NAME, () -> ExamLogisticCommand.model(TutorialTables.twoExams(null)),
            MnistLogistic.NAME, () -> MnistLogisticCommand.MODEL,
            FashionMnistSoftmax.NAME, () -> FashionMnistSoftmaxCommand.MODEL);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE",
            description = "The PyTorch file: torch.save of a state dict, or TorchScript.")
    Path file;

    @Option(names = "--as", required = true, paramLabel = "NAME",
            description = "The tutorial model it is: linear-regression, iris-logistic,"
                    + " exam-logistic (inputs divided by each column's maximum, as T3 does),"
                    + " mnist-logistic or fashion-mnist-softmax.")
    String name;

    @Option(names = "--output-dir", required = true, paramLabel = "DIR",
            description = "The model directory to write (replaced atomically).")
    Path outputDir;

    @Option(names = {"-v", "--verbose"}, description = "Print the stack trace of an error.")
    boolean verbose;

    public static void main(String[] args) {
        Cli.run(new ImportPyTorch(), args);
    }

    @Override
    public Integer call() throws IOException {
        Supplier<ModelSpec> model = MODELS.get(name);
        if (model == null) {
            throw new ParameterException(spec.commandLine(), "--as '" + name + "' is not one of"
                    + " linear-regression, iris-logistic, exam-logistic, mnist-logistic,"
                    + " fashion-mnist-softmax");
        }
        ModelSpec modelSpec = model.get();
        TorchFileReader.Contents contents = TorchFileReader.read(file);
        PyTorchLinear linear = PyTorchLinear.find(contents.tensors(), modelSpec, name, file);
        String sha256 = Checksums.sha256(file);
        Map<String, String> options = new LinkedHashMap<>();
        options.put("source", file.toAbsolutePath().normalize().toString());
        options.put("sourceSha256", sha256);
        options.put("sourceFormat", contents.kind().toString());
        if (linear.layout().handMade()) {
            // As T2 and T5 record a model trained from scratch; ExportPyTorch gives it back so.
            options.put("mode", "scratch");
        }
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("djl", Engine.getDjlVersion());
        versions.put("pytorch", PyTorch.engine().getVersion());
        versions.put("java", System.getProperty("java.version"));
        Manifest manifest = new Manifest(Manifest.FORMAT, name, "Imported from PyTorch ("
                + contents.kind() + "): " + file.getFileName(), modelSpec, null, null, 0, null,
                options, null, Map.of(), List.of(), versions, Instant.now().toString(), null);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            CheckpointFiles.saveLinear(array(manager, linear.weight()),
                    array(manager, linear.bias()), outputDir, manifest);
        }
        System.out.println("Imported " + file + " (" + contents.kind() + ", sha256 " + sha256
                + ") as " + name + " into " + outputDir);
        return 0;
    }

    /** T3 divides each exam score by its column's maximum over the bundled data. */

    private static NDArray array(NDManager manager, TorchTensor tensor) {
        return manager.create(tensor.values(), new Shape(tensor.shape()));
    }
}
