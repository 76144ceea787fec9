package org.linearmodels.model;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.linearmodels.data.DataProvenance;

/**
 * The {@code manifest.json} beside a checkpoint's parameters: how to rebuild the block, which
 * parameter file holds the weights, and the run's provenance: settings, data, figures per epoch,
 * library versions.
 *
 * @param name the model's name, also the prefix of its {@code .params} files
 * @param paramsFile the parameter file this manifest vouches for
 * @param paramsSha256 that file's sha256, checked before loading
 * @param epoch the epochs completed when the parameters were saved
 * @param options driver-specific settings (mode, loss, device, data limit)
 * @param figures the final figures, e.g. {@code testAccuracy}
 * @param timings seconds per phase of the run that wrote it (jvm, engine, data, training,
 *     total); null until the run has finished
 */
public record Manifest(int format, String name, String description, ModelSpec model,
        String paramsFile, String paramsSha256, int epoch, TrainingSettings training,
        Map<String, String> options, DataProvenance data, Map<String, Double> figures,
        List<EpochRecord> history, Map<String, String> versions, String createdAt,
        Map<String, Double> timings) {

    public static final int FORMAT = 1;
    public static final String FILE_NAME = "manifest.json";

    // Records through the project's own adapter: a notebook kernel may put an older Gson first.
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting()
            .serializeSpecialFloatingPointValues().disableHtmlEscaping()
            .registerTypeAdapter(Framing.class, new Framing.Adapter().nullSafe())
            .registerTypeAdapterFactory(new RecordAdapterFactory()).create();
    private static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping()
            .registerTypeAdapter(Framing.class, new Framing.Adapter().nullSafe())
            .registerTypeAdapterFactory(new RecordAdapterFactory()).create();

    /** This manifest, vouching for another parameter file. */
    public Manifest withParams(String file, String sha256) {
        return new Manifest(format, name, description, model, file, sha256, epoch, training,
                options, data, figures, history, versions, createdAt, timings);
    }

    /** This manifest, with the finished run's timings. */
    public Manifest withTimings(Map<String, Double> value) {
        return new Manifest(format, name, description, model, paramsFile, paramsSha256, epoch,
                training, options, data, figures, history, versions, createdAt, value);
    }

    public String toJson() {
        return GSON.toJson(this);
    }

    /** Parses a manifest; throws {@link JsonParseException} for text that is not one. */
    public static Manifest fromJson(String json) {
        // Gson reads any text leniently, and would describe an HTML page as a JSON string.
        if (!json.strip().startsWith("{")) {
            throw new JsonParseException("it is not a JSON object");
        }
        Manifest manifest = GSON.fromJson(json, Manifest.class);
        if (manifest == null || manifest.name() == null || manifest.model() == null
                || manifest.paramsFile() == null) {
            throw new JsonParseException("required fields (name, model, paramsFile) are missing");
        }
        return manifest;
    }

    /** A model spec as the compact JSON a loaded model carries in its properties. */
    public static String specToJson(ModelSpec spec) {
        return COMPACT.toJson(spec);
    }

    public static ModelSpec specFromJson(String json) {
        return COMPACT.fromJson(json, ModelSpec.class);
    }

    public static Manifest read(Path file) throws IOException {
        return fromJson(Files.readString(file, StandardCharsets.UTF_8));
    }
}
