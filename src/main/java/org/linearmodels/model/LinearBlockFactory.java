package org.linearmodels.model;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.BlockFactory;
import ai.djl.nn.Parameter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.linearmodels.data.Checksums;
import org.linearmodels.errors.Causes;
import org.linearmodels.errors.CheckpointException;

/**
 * The {@code blockFactory} of every model directory this project writes: DJL's
 * {@code Criteria} calls it with the directory, and it rebuilds the block from
 * {@code manifest.json}, then loads the parameters itself from the one file the manifest vouches
 * for. The file is read once into memory, its sha256 checked against the manifest's, and those
 * same bytes parsed, so what is loaded is exactly what was verified. The directory's
 * {@code serving.properties} says {@code option.hasParameter=false}, so DJL does not read a
 * parameter file of its own choosing afterwards.
 *
 * <p>Refused, each with one line naming the fix (a {@link CheckpointException}): no or
 * a damaged manifest; a spec whose head, outputs and class names disagree; a {@code paramsFile}
 * that is not a plain file name of this directory, or that is not the one the manifest's
 * {@code epoch} names; a missing file, a wrong sha256, a file that is not DJL parameters, and
 * parameters whose shapes differ from the spec's.
 */
public final class LinearBlockFactory implements BlockFactory {

    private static final long serialVersionUID = 1L;

    /** The loaded model's property holding the verified spec (compact JSON). */
    public static final String SPEC_PROPERTY = "linearmodels.spec";
    /** The loaded model's property holding the sha256 of the parameters it was loaded from. */
    public static final String SHA256_PROPERTY = "linearmodels.paramsSha256";
    /** An optional Criteria argument: the command that trains the model, for the errors. */
    public static final String TRAIN_HINT = "trainHint";

    @Override
    public Block newBlock(Model model, Path modelPath, Map<String, ?> arguments)
            throws IOException {
        Object hintArgument = arguments.get(TRAIN_HINT);
        String hint = hintArgument == null ? "train the model again" : hintArgument.toString();
        try {
            return load(model, modelPath, hint);
        } catch (IOException | RuntimeException e) {
            // DJL's loader does not close the model when the block factory fails.
            model.close();
            throw e;
        }
    }

    private static Block load(Model model, Path directory, String hint) throws IOException {
        Manifest manifest = readManifest(directory, hint);
        Path params = verifiedParamsPath(directory, manifest, hint);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(params);
        } catch (NoSuchFileException e) {
            throw new CheckpointException(directory + ": " + Manifest.FILE_NAME
                    + " names " + manifest.paramsFile() + ", which is missing. Train again: "
                    + hint + ".");
        }
        String sha256 = Checksums.sha256(bytes);
        if (!sha256.equals(manifest.paramsSha256())) {
            throw new CheckpointException(params + " is damaged: its sha256"
                    + " differs from the one in " + Manifest.FILE_NAME + ". Train again: "
                    + hint + ".");
        }
        ModelSpec spec = manifest.model();
        Block block = spec.newBlock();
        model.setBlock(block);
        try {
            model.load(new ByteArrayInputStream(bytes), Map.of());
        } catch (MalformedModelException | IOException | RuntimeException e) {
            throw new CheckpointException("cannot load " + params + ": "
                    + Causes.of(e) + ". Train again: " + hint + ".", e);
        }
        if (!block.isInitialized()) {
            throw new CheckpointException(params + " is not a DJL parameter file."
                    + " Train again: " + hint + ".");
        }
        checkShapes(block, spec, params, hint);
        model.setProperty(SPEC_PROPERTY, Manifest.specToJson(spec));
        model.setProperty(SHA256_PROPERTY, sha256);
        return block;
    }

    private static Manifest readManifest(Path directory, String hint) {
        Path file = directory.resolve(Manifest.FILE_NAME);
        Manifest manifest = CheckpointFiles.readManifest(directory, hint);
        String problem = manifest.model().problem();
        if (problem != null) {
            throw new CheckpointException(file + " describes no usable model: "
                    + problem + ". Train again: " + hint + ".");
        }
        return manifest;
    }

    /**
     * The parameter file the manifest names, which must be {@code <name>-<epoch>.params} for the
     * manifest's own name and epoch, a regular file directly in {@code directory}.
     */
    private static Path verifiedParamsPath(Path directory, Manifest manifest, String hint)
            throws IOException {
        String expected = String.format(Locale.ROOT, "%s-%04d.params", manifest.name(),
                manifest.epoch());
        if (!manifest.paramsFile().equals(expected)
                || !Path.of(expected).getFileName().toString().equals(expected)) {
            throw new CheckpointException(directory + ": " + Manifest.FILE_NAME
                    + " names the parameter file '" + manifest.paramsFile() + "' but its name"
                    + " and epoch " + manifest.epoch() + " mean '" + expected + "' in this"
                    + " directory; the manifest was edited or damaged, so nothing is loaded."
                    + " Train again: " + hint + ".");
        }
        Path params = directory.resolve(expected);
        if (Files.isSymbolicLink(params) || (Files.exists(params, LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(params, LinkOption.NOFOLLOW_LINKS))) {
            throw new CheckpointException(params + " is not a regular file of "
                    + directory + " (a link or a folder), so it is not loaded. Train again: "
                    + hint + ".");
        }
        return params;
    }

    private static void checkShapes(Block block, ModelSpec spec, Path params, String hint) {
        Map<String, Shape> expected = spec.parameterShapes();
        for (var entry : block.getParameters()) {
            Parameter parameter = entry.getValue();
            String kind = parameter.getType() == Parameter.Type.WEIGHT ? "weight" : "bias";
            Shape want = expected.get(kind);
            Shape have = parameter.getArray().getShape();
            if (!have.equals(want)) {
                throw new CheckpointException(params + " holds a " + kind
                        + " of shape " + have + " but " + Manifest.FILE_NAME + " describes "
                        + want + ": the files come from different models. Train again: "
                        + hint + ".");
            }
        }
    }
}
