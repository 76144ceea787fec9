package org.linearmodels;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.linearmodels.cli.Cli;
import org.linearmodels.cli.Versions;
import org.linearmodels.io.AtomicFiles;
import org.linearmodels.io.WriteFailure;
import org.linearmodels.model.Checkpoint;
import org.linearmodels.model.CheckpointFiles;
import org.linearmodels.model.Manifest;
import org.linearmodels.model.PyTorchLinear;
import org.linearmodels.model.TorchFileWriter;
import org.linearmodels.model.TorchTensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * Takes a DJL model directory back to PyTorch: its Linear layer as the state dict that
 * {@code nn.Linear(in, out).load_state_dict} takes (the from-scratch T2 and T5: the dict of
 * their hand-made tensors), or as a TorchScript module that {@code torch.jit.load} runs.
 */
@Command(name = "ExportPyTorch", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = Versions.class,
        description = "Exports a model directory (training's or ImportPyTorch's) to a PyTorch"
                + " file: a state dict for torch.load, or TorchScript for torch.jit.load.")
public final class ExportPyTorch implements Callable<Integer> {

    /** The file formats written. */
    enum Format {
        STATE_DICT("state-dict"),
        TORCHSCRIPT("torchscript");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    @Parameters(index = "0", paramLabel = "MODEL_DIR",
            description = "The model directory, e.g. models/mnist-logistic.")
    Path modelDir;

    @Option(names = "--output", required = true, paramLabel = "FILE",
            description = "The PyTorch file to write (replaced atomically).")
    Path output;

    @Option(names = "--format", paramLabel = "state-dict|torchscript",
            converter = FormatConverter.class,
            description = "state-dict (default): {weight, bias} for nn.Linear's load_state_dict;"
                    + " from-scratch T2: {w (1, 4), b (1,)}; from-scratch T5: {W (784, 10),"
                    + " b (10,)}. torchscript: a module whose forward flattens each example and"
                    + " returns the Linear layer's outputs (logits for the classifiers).")
    Format format = Format.STATE_DICT;

    @Option(names = {"-v", "--verbose"}, description = "Print the stack trace of an error.")
    boolean verbose;

    public static void main(String[] args) {
        Cli.run(new ExportPyTorch(), args);
    }

    @Override
    public Integer call() {
        String hint = "give a directory that a trainer or ImportPyTorch wrote";
        Manifest manifest = CheckpointFiles.readManifest(modelDir, hint);
        TorchTensor weight = null;
        TorchTensor bias = null;
        try (Checkpoint checkpoint = CheckpointFiles.load(modelDir, manifest.name(), hint,
                Device.cpu())) {
            for (var entry : checkpoint.model().getBlock().getParameters()) {
                Parameter parameter = entry.getValue();
                if (parameter.getType() == Parameter.Type.WEIGHT) {
                    weight = tensor(parameter.getArray());
                } else {
                    bias = tensor(parameter.getArray());
                }
            }
        }
        TorchTensor w = weight;
        TorchTensor b = bias;
        // PyTorch names the zip's top folder after the file; torch.load accepts any.
        String top = output.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        try {
            AtomicFiles.write(output, file -> {
                try (OutputStream out = Files.newOutputStream(file)) {
                    if (format == Format.TORCHSCRIPT) {
                        TorchFileWriter.writeTorchScript(w, b, top, out);
                    } else {
                        TorchFileWriter.writeStateDict(
                                PyTorchLinear.stateDict(w, b, layout(manifest)), top, out);
                    }
                }
            });
        } catch (IOException e) {
            throw WriteFailure.of(output, e, "Nothing was written; choose another --output.");
        }
        System.out.println("Exported " + modelDir + " (" + manifest.name() + ") to " + output
                + " (" + format + ")");
        return 0;
    }

    /** The from-scratch tutorials' state dict is the one their own w (or W) and b make. */
    private static PyTorchLinear.Layout layout(Manifest manifest) {
        boolean scratch = manifest.options() != null
                && "scratch".equals(manifest.options().get("mode"));
        if (scratch && manifest.name().equals(IrisLogistic.NAME)) {
            return PyTorchLinear.Layout.HAND_MADE_ROWS;
        }
        if (scratch && manifest.name().equals(FashionMnistSoftmax.NAME)) {
            return PyTorchLinear.Layout.HAND_MADE_COLUMNS;
        }
        return PyTorchLinear.Layout.LINEAR;
    }

    private static TorchTensor tensor(NDArray array) {
        return new TorchTensor(array.getShape().getShape(), array.toFloatArray());
    }

    /** Accepts the formats as written in the help, e.g. state-dict. */
    static final class FormatConverter implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            for (Format candidate : Format.values()) {
                if (candidate.label.equalsIgnoreCase(value)) {
                    return candidate;
                }
            }
            throw new TypeConversionException("'" + value
                    + "' is not a format: state-dict or torchscript");
        }
    }
}
