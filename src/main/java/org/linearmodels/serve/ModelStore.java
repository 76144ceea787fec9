package org.linearmodels.serve;

import ai.djl.Device;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.linearmodels.errors.BadInputException;
import org.linearmodels.errors.Causes;
import org.linearmodels.errors.LinearModelsException;

/**
 * Where {@code POST /models?url=...} may load model directories from: only directories inside
 * {@code root} (symbolic links followed), named by a path relative to it, an absolute path or a
 * {@code file:} URL; any other scheme is refused, as the server downloads nothing. A client can
 * thus make the server read only what its operator put in the store.
 */
public final class ModelStore {

    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.*");

    private final Path root;
    private final Device device;

    /**
     * @param root the directory registered models must be in
     * @param device where registered models are loaded
     * @throws BadInputException if {@code root} is not a readable directory
     */
    public ModelStore(Path root, Device device) {
        if (!Files.isDirectory(root)) {
            throw new BadInputException("the model store " + root + " is not a directory; give"
                    + " the directory that holds the model directories (--model-store DIR).");
        }
        try {
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw new BadInputException("the model store " + root + " cannot be read ("
                    + Causes.of(e) + "); check its permissions.", e);
        }
        this.device = device;
    }

    public Path root() {
        return root;
    }

    /**
     * Loads the model directory {@code url} names, through the same checks as at start, served
     * as {@code name} (null: the name in its manifest).
     */
    ServedModel load(String url, String name) {
        if (name != null && !ServedModel.isName(name)) {
            throw new ApiError(400, "bad_model_name", "model_name '" + name + "' is not a"
                    + " name: use letters, digits, '.', '_' and '-' (at most 64).");
        }
        Path directory = directory(url);
        try {
            return ServedModel.load(directory, device, name);
        } catch (LinearModelsException e) {
            throw new ApiError(400, "bad_model", e.getMessage());
        }
    }

    private Path directory(String url) {
        Path path;
        try {
            if (SCHEME.matcher(url).matches()) {
                URI uri = new URI(url);
                if (!"file".equalsIgnoreCase(uri.getScheme())) {
                    throw new ApiError(400, "unsupported_url", "url '" + url + "' is not a"
                            + " directory: the server loads no " + uri.getScheme() + ": URLs,"
                            + " only directories in its model store " + root + " (a path, or"
                            + " file:/path).");
                }
                path = Path.of(uri);
            } else {
                path = Path.of(url);
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new ApiError(400, "bad_url", "url '" + url + "' is not a path or file: URL ("
                    + e.getMessage() + ").");
        }
        Path resolved = root.resolve(path).normalize();
        // Checked before looking, so that the answer says nothing of what exists outside.
        if (!resolved.startsWith(root)) {
            throw outside(url);
        }
        if (!Files.isDirectory(resolved)) {
            throw new ApiError(404, "no_such_directory", "the model store " + root + " has no"
                    + " directory " + root.relativize(resolved) + "; GET /models lists what is"
                    + " served, and a model directory is a trainer's --output-dir.");
        }
        try {
            if (!resolved.toRealPath().startsWith(root)) {
                throw outside(url);
            }
        } catch (IOException e) {
            throw new ApiError(404, "no_such_directory", resolved + " cannot be read ("
                    + e.getMessage() + ").");
        }
        return resolved;
    }

    private ApiError outside(String url) {
        return new ApiError(403, "outside_model_store", "url '" + url + "' is outside the"
                + " model store " + root + "; only directories in it can be registered"
                + " (Serve --model-store DIR).");
    }
}
