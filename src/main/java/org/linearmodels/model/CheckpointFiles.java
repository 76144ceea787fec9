package org.linearmodels.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.translate.DeferredTranslatorFactory;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.linearmodels.data.Checksums;
import org.linearmodels.engine.PyTorch;
import org.linearmodels.errors.Causes;
import org.linearmodels.errors.CheckpointException;
import org.linearmodels.io.AtomicFiles;
import org.linearmodels.io.HaltPoint;
import org.linearmodels.io.WriteFailure;

/**
 * Saves and loads {@code models/<name>/}: DJL {@code .params} files plus the
 * {@link Manifest} that names the one to load. Saving is atomic: the parameters are written
 * to a temporary file and renamed into place, then the manifest likewise, so a process killed
 * at any moment leaves the previous checkpoint loadable.
 */
public final class CheckpointFiles {

    private static final String TEMP_PREFIX = ".saving-";

    /** What a failed save leaves, for its error line. */
    private static final String KEPT = "The checkpoint saved there before, if any, is intact;"
            + " make room or choose another --output-dir.";

    private CheckpointFiles() {}

    /**
     * Writes {@code model}'s parameters and {@code manifest} into {@code directory}; the
     * manifest's parameter file name and checksum are filled in here. A write that fails (a
     * full disk, say) is an {@link org.linearmodels.errors.OutputException}.
     *
     * @return the manifest as written
     */
    public static Manifest save(Model model, Path directory, Manifest manifest) {
        try {
            return write(model, directory, manifest);
        } catch (IOException e) {
            throw WriteFailure.of(directory, e, KEPT);
        }
    }

    private static Manifest write(Model model, Path directory, Manifest manifest)
            throws IOException {
        HaltPoint.reach(HaltPoint.SAVE_START, manifest.epoch());
        Files.createDirectories(directory);
        removeLeftovers(directory);
        Path temp = Files.createTempDirectory(directory, TEMP_PREFIX);
        try {
            model.setProperty("Epoch", String.valueOf(manifest.epoch()));
            model.save(temp, manifest.name());
            String paramsFile = String.format(Locale.ROOT, "%s-%04d.params", manifest.name(),
                    manifest.epoch());
            Path params = temp.resolve(paramsFile);
            Manifest written = manifest.withParams(paramsFile, Checksums.sha256(params));
            AtomicFiles.move(params, directory.resolve(paramsFile));
            HaltPoint.reach(HaltPoint.PARAMS_MOVED, manifest.epoch());
            // The manifest last: it names the parameters to load, so until it is replaced the
            // previous checkpoint loads whole (serving.properties' epoch is informational).
            AtomicFiles.writeString(directory.resolve(ServingProperties.FILE_NAME),
                    ServingProperties.text(written));
            AtomicFiles.writeString(directory.resolve(Manifest.FILE_NAME), written.toJson());
            HaltPoint.reach(HaltPoint.MANIFEST_WRITTEN, manifest.epoch());
            deleteOtherParams(directory, written);
            return written;
        } finally {
            AtomicFiles.deleteRecursively(temp);
        }
    }

    /**
     * Rewrites the manifest of the checkpoint in {@code directory} (e.g. to add the run's
     * timings), atomically; the parameter file it names is untouched.
     */
    public static void updateManifest(Path directory, Manifest manifest) {
        try {
            AtomicFiles.writeString(directory.resolve(Manifest.FILE_NAME), manifest.toJson());
        } catch (IOException e) {
            throw WriteFailure.of(directory.resolve(Manifest.FILE_NAME), e, KEPT);
        }
    }

    /**
     * Saves parameters trained outside a DJL block (the from-scratch tutorials) as the Linear
     * block {@code manifest.model()} describes, so the same predictor loads them.
     *
     * @param weight (outputs, features), as a Linear layer holds it
     * @param bias (outputs)
     */
    public static Manifest saveLinear(NDArray weight, NDArray bias, Path directory,
            Manifest manifest) {
        ModelSpec spec = manifest.model();
        try (Model model = Model.newInstance(manifest.name(), Device.cpu(), PyTorch.NAME)) {
            Block block = spec.newBlock();
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, spec.batchShape(1));
            for (var entry : block.getParameters()) {
                Parameter parameter = entry.getValue();
                copyInto(parameter.getType() == Parameter.Type.WEIGHT ? weight : bias, parameter);
            }
            return save(model, directory, manifest);
        }
    }

    /**
     * Copies the parameters of the checkpoint in {@code directory} into {@code target}'s block
     * in place, so a Trainer that already holds those arrays trains on from the checkpoint.
     */
    public static void restoreInto(Model target, Path directory, String trainHint) {
        try (Checkpoint saved = load(directory, target.getName(), trainHint, Device.cpu())) {
            var from = saved.model().getBlock().getParameters().values();
            var to = target.getBlock().getParameters().values();
            for (int i = 0; i < to.size(); i++) {
                copyInto(from.get(i).getArray(), to.get(i));
            }
        }
    }

    /**
     * In-place arithmetic rather than NDArray.set(Buffer), whose native code makes libtorch print
     * a deprecation warning; in place, because a Trainer's parameter store holds these arrays.
     * Through a detached view of the same storage, since a parameter requires gradients and
     * libtorch refuses to change it in place on a thread whose grad mode is on (any thread but
     * the one that started DJL's engine).
     */
    private static void copyInto(NDArray source, Parameter parameter) {
        NDArray target = parameter.getArray();
        if (!source.getShape().equals(target.getShape())) {
            throw new IllegalArgumentException(parameter.getName() + " has shape "
                    + source.getShape() + ", expected " + target.getShape());
        }
        try (NDArray values = target.stopGradient()) {
            values.subi(values).addi(source.toDevice(target.getDevice(), false));
        }
    }

    /**
     * Reads the manifest of the checkpoint in {@code directory}, which must be a checkpoint of
     * {@code expectedName}.
     */
    public static Manifest readManifest(Path directory, String expectedName, String trainHint) {
        Manifest manifest = readManifest(directory, trainHint);
        if (!manifest.name().equals(expectedName)) {
            throw new CheckpointException(directory + " holds a '" + manifest.name()
                    + "' checkpoint, not '" + expectedName + "'. Point to a " + expectedName
                    + " checkpoint, or train one: " + trainHint + ".");
        }
        return manifest;
    }

    /** Reads the manifest in {@code directory}, whatever model it describes. */
    public static Manifest readManifest(Path directory, String trainHint) {
        Path file = directory.resolve(Manifest.FILE_NAME);
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new CheckpointException(directory + " is a file, not a model"
                    + " directory; give the directory a trainer wrote (its --output-dir).");
        }
        try {
            return Manifest.read(file);
        } catch (NoSuchFileException e) {
            throw new CheckpointException("no checkpoint in " + directory
                    + " (no " + Manifest.FILE_NAME + "). Train one first: " + trainHint + ".");
        } catch (IOException e) {
            throw new CheckpointException(file + " cannot be read: " + Causes.of(e)
                    + ". Check its permissions, or train again: " + trainHint + ".", e);
        } catch (JsonParseException e) {
            throw new CheckpointException(file + " is not a valid manifest ("
                    + Causes.of(e) + "); it was edited or damaged. Train again: " + trainHint
                    + ".", e);
        }
    }

    /**
     * Loads the checkpoint in {@code directory} onto {@code device} the way any DJL program
     * does, through {@link Criteria} and the directory's {@code serving.properties}: the
     * {@link LinearBlockFactory} rebuilds the block, verifies the parameter file and loads it.
     */
    public static Checkpoint load(Path directory, String expectedName, String trainHint,
            Device device) {
        readManifest(directory, expectedName, trainHint);
        Criteria<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(directory)
                .optDevice(device)
                .optTranslatorFactory(new DeferredTranslatorFactory())
                .optArgument(LinearBlockFactory.TRAIN_HINT, trainHint)
                .build();
        Model model;
        try {
            model = criteria.loadModel();
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            throw new CheckpointException("cannot load " + directory + ": "
                    + Causes.of(e) + ". Train again: " + trainHint + ".", e);
        }
        try {
            // The manifest again, for its provenance; it must be the one the factory verified.
            Manifest manifest = readManifest(directory, expectedName, trainHint);
            if (!manifest.paramsSha256().equals(
                    model.getProperty(LinearBlockFactory.SHA256_PROPERTY))) {
                throw new CheckpointException(directory + " changed while it was"
                        + " loaded (a training run is writing it?). Load it again.");
            }
            return new Checkpoint(model, manifest);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * Refuses a loaded checkpoint whose spec is not the kind of model the command reads (a
     * manifest edited to another head or shape would otherwise fail in the middle of a
     * prediction, or answer nonsense). See {@link ModelSpec#mismatch}.
     */
    public static void requireKind(Path directory, Manifest manifest, String trainHint,
            List<Long> inputShape, int outputs, ModelSpec.Head head) {
        String mismatch = manifest.model().mismatch(inputShape, outputs, head);
        if (mismatch != null) {
            throw new CheckpointException(directory + " holds a '" + manifest.name()
                    + "' model that does not fit: " + mismatch + ". Its manifest was edited or"
                    + " comes from another model; train again: " + trainHint + ".");
        }
    }

    private static void removeLeftovers(Path directory) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory,
                TEMP_PREFIX + "*")) {
            for (Path leftover : leftovers) {
                AtomicFiles.deleteRecursively(leftover);
            }
        }
    }

    private static void deleteOtherParams(Path directory, Manifest kept) throws IOException {
        try (DirectoryStream<Path> params = Files.newDirectoryStream(directory,
                kept.name() + "-*.params")) {
            for (Path file : params) {
                if (!file.getFileName().toString().equals(kept.paramsFile())) {
                    Files.delete(file);
                }
            }
        }
    }
}
