package org.linearmodels.serve;

import ai.djl.Device;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.translate.TranslateException;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.linearmodels.errors.BadInputException;
import org.linearmodels.errors.Causes;
import org.linearmodels.model.Checkpoint;
import org.linearmodels.model.CheckpointFiles;
import org.linearmodels.model.Manifest;
import org.linearmodels.model.ModelSpec;
import org.linearmodels.predict.BlankPictureException;
import org.linearmodels.predict.FeatureTranslator;
import org.linearmodels.predict.FramedImageTranslator;
import org.linearmodels.predict.Framer;
import org.linearmodels.predict.ImageFiles;
import org.linearmodels.predict.PredictorPool;

/**
 * One model directory loaded for serving, through DJL's Criteria ({@link CheckpointFiles#load}),
 * with a pool of DJL Predictors so that any number of requests predict at once. It turns a
 * request body into the model's input (a picture's bytes, or a JSON array of numbers), checks
 * it, and answers JSON; every unusable body is an {@link ApiError} naming the problem.
 */
public final class ServedModel implements Served, AutoCloseable {

    /** Pictures larger than this are refused from their header, before decoding. */
    public static final long MAX_PIXELS = 16_000_000L;
    /** At most this many rows in one tabular request. */
    public static final int MAX_ROWS = 10_000;

    /** A name usable in {@code /predictions/{name}} without escaping. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Checkpoint checkpoint;
    private final String name;
    private final ModelSpec spec;
    private final PredictorPool<Image, FramedImageTranslator.Framed> pictures;
    private final PredictorPool<float[], float[]> rows;

    private final AtomicBoolean closed = new AtomicBoolean();

    private ServedModel(Checkpoint checkpoint, String name) {
        this.checkpoint = checkpoint;
        this.name = name;
        this.spec = checkpoint.manifest().model();
        if (isImage()) {
            pictures = new PredictorPool<>(checkpoint.model(), new FramedImageTranslator(
                    spec.classNames(), spec.framing()));
            rows = null;
        } else {
            pictures = null;
            rows = new PredictorPool<>(checkpoint.model(), new FeatureTranslator(spec));
        }
    }

    /** Loads the model directory {@code directory}, whatever model it holds. */
    public static ServedModel load(Path directory, Device device) {
        return load(directory, device, null);
    }

    /**
     * Loads the model directory {@code directory}, whatever model it holds, served as
     * {@code name} (null: the name in its manifest).
     */
    public static ServedModel load(Path directory, Device device, String name) {
        String hint = "train it again (scripts/reproduce rebuilds models/)";
        Manifest manifest = CheckpointFiles.readManifest(directory, hint);
        return new ServedModel(CheckpointFiles.load(directory, manifest.name(), hint, device),
                name == null ? manifest.name() : name);
    }

    /** Whether {@code name} can name a served model: letters, digits, '.', '_', '-'; 64 at most. */
    public static boolean isName(String name) {
        return NAME.matcher(name).matches();
    }

    @Override
    public String name() {
        return name;
    }

    public boolean isImage() {
        return spec.framing() != null;
    }

    @Override
    public JsonObject describe() {
        JsonObject model = new JsonObject();
        model.addProperty("modelName", name());
        model.addProperty("status", "READY");
        model.addProperty("description", checkpoint.manifest().description());
        model.addProperty("input", isImage() ? "a picture's bytes (PNG, JPEG, GIF, BMP)"
                : "a JSON array of " + spec.features() + " numbers, or an array of such rows");
        JsonArray classes = new JsonArray();
        spec.classNames().forEach(classes::add);
        model.add("classes", classes);
        return model;
    }

    @Override
    public JsonObject answer(byte[] body, String contentType) {
        if (body.length == 0) {
            throw new ApiError(400, "empty_body", "the request has no body; send "
                    + (isImage() ? "a picture's bytes" : "a JSON array of " + spec.features()
                            + " numbers") + ".");
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).strip();
        JsonObject answer = new JsonObject();
        answer.addProperty("model", name());
        if (isImage()) {
            checkType(type, !type.startsWith("application/json") && !type.startsWith("text/")
                    && !type.startsWith("multipart/"), "a picture's bytes as the body (e.g."
                    + " Content-Type: image/png), not a form or text");
            Image image;
            try {
                image = ImageFiles.readGray(body, "the request body", MAX_PIXELS);
            } catch (BadInputException e) {
                throw new ApiError(400, "not_an_image", e.getMessage());
            }
            FramedImageTranslator.Framed framed;
            try {
                framed = pictures.predict(image);
            } catch (TranslateException e) {
                throw BlankPictureException.causing(e).<RuntimeException>map(blank -> new ApiError(
                        422, "blank_picture", blank.naming("the request body").getMessage()))
                        .orElseGet(() -> new IllegalStateException("prediction failed: "
                                + e.getMessage(), e));
            }
            answer.add("predictions", classes(framed.classes()));
            answer.addProperty("frame", frame(framed.pixels()));
        } else {
            checkType(type, type.isEmpty() || type.startsWith("application/json")
                    || type.startsWith("text/plain")
                    || type.startsWith("application/x-www-form-urlencoded"),
                    "a JSON array of numbers (Content-Type: application/json)");
            JsonElement json = parse(body);
            if (json.isJsonArray() && json.getAsJsonArray().size() > 0
                    && json.getAsJsonArray().get(0).isJsonArray()) {
                JsonArray results = new JsonArray();
                JsonArray all = json.getAsJsonArray();
                if (all.size() > MAX_ROWS) {
                    throw new ApiError(400, "too_many_rows", "at most " + MAX_ROWS
                            + " rows per request, got " + all.size() + ".");
                }
                List<float[]> features = new ArrayList<>(all.size());
                for (int i = 0; i < all.size(); i++) {
                    features.add(row(all.get(i), "row " + (i + 1)));
                }
                for (float[] output : predictRows(features)) {
                    results.add(rowAnswer(output));
                }
                answer.add("results", results);
            } else {
                float[] output = predictRows(List.of(row(json, "the body"))).get(0);
                rowAnswer(output).entrySet().forEach(e -> answer.add(e.getKey(), e.getValue()));
            }
        }
        return answer;
    }

    private static void checkType(String type, boolean accepted, String wanted) {
        if (!accepted) {
            throw new ApiError(415, "unsupported_media_type", "Content-Type " + type
                    + " is not what this model reads; send " + wanted + ".");
        }
    }

    private static JsonElement parse(byte[] body) {
        try {
            return JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
        } catch (JsonParseException e) {
            throw new ApiError(400, "malformed_json", "the body is not JSON ("
                    + Causes.of(e) + "); send e.g. [5.1, 3.5, 1.4, 0.2].");
        }
    }

    /** One row of features, checked: an array of exactly the model's number of finite numbers. */
    private float[] row(JsonElement json, String what) {
        String example = spec.features() == 1 ? "[4]" : spec.features() == 2 ? "[45, 85]"
                : "[5.1, 3.5, 1.4, 0.2]";
        if (!json.isJsonArray()) {
            throw new ApiError(400, "not_an_array", what + " is not a JSON array of numbers;"
                    + " send e.g. " + example + ".");
        }
        JsonArray array = json.getAsJsonArray();
        if (array.size() != spec.features()) {
            throw new ApiError(400, "wrong_feature_count", name() + " takes " + spec.features()
                    + " number" + (spec.features() == 1 ? "" : "s") + " per example; " + what
                    + " has " + array.size() + ".");
        }
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            JsonElement cell = array.get(i);
            if (!cell.isJsonPrimitive() || !cell.getAsJsonPrimitive().isNumber()) {
                throw new ApiError(400, "not_a_number", what + ", item " + (i + 1) + " ("
                        + cell + ") is not a number.");
            }
            double value = cell.getAsDouble();
            if (!Double.isFinite(value) || Math.abs(value) > Float.MAX_VALUE) {
                throw new ApiError(400, "not_finite", what + ", item " + (i + 1) + " is "
                        + cell + "; send finite numbers.");
            }
            values[i] = (float) value;
        }
        return values;
    }

    private JsonObject rowAnswer(float[] output) {
        JsonObject row = new JsonObject();
        List<String> names = spec.classNames();
        if (spec.head() == ModelSpec.Head.IDENTITY) {
            row.addProperty("value", output[0]);
            return row;
        }
        float[] probabilities = spec.head() == ModelSpec.Head.SIGMOID
                ? new float[] {1 - output[0], output[0]} : output;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < probabilities.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> -probabilities[i]));
        JsonArray predictions = new JsonArray();
        for (int i : order) {
            predictions.add(entry(names.get(i), probabilities[i]));
        }
        row.add("predictions", predictions);
        return row;
    }

    private static JsonArray classes(Classifications classifications) {
        JsonArray predictions = new JsonArray();
        for (Classifications.Classification c : classifications.topK(
                classifications.getClassNames().size())) {
            predictions.add(entry(c.getClassName(), c.getProbability()));
        }
        return predictions;
    }

    private static JsonObject entry(String className, double probability) {
        JsonObject entry = new JsonObject();
        entry.addProperty("className", className);
        entry.addProperty("probability", probability);
        return entry;
    }

    /** The 28×28 frame as a PNG data URL: the model's own view, light ink on black. */
    static String frame(float[] pixels) {
        int size = Framer.SIZE;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        int[] grey = new int[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            grey[i] = Math.round(Math.max(0f, Math.min(1f, pixels[i])) * 255f);
        }
        image.getRaster().setPixels(0, 0, size, size, grey);
        ByteArrayOutputStream png = new ByteArrayOutputStream(1024);
        // In memory: ImageIO's own choice for a stream caches it in a temporary file.
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(png)) {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }

    /** The answers, refusing one float32 cannot hold, which JSON could not carry either. */
    private List<float[]> predictRows(List<float[]> features) {
        List<float[]> answers;
        try {
            answers = rows.predict(features);
        } catch (TranslateException e) {
            throw new IllegalStateException("prediction failed: " + e.getMessage(), e);
        }
        for (int i = 0; i < answers.size(); i++) {
            for (float value : answers.get(i)) {
                if (!Float.isFinite(value)) {
                    throw new ApiError(400, "answer_out_of_range", "the model's answer for "
                            + Arrays.toString(features.get(i)) + " is " + value + ", beyond"
                            + " float32 (±3.4e38); send numbers of the size it was trained"
                            + " on.");
                }
            }
        }
        return answers;
    }

    /** Frees its native memory; closing it again does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (pictures != null) {
            pictures.close();
        }
        if (rows != null) {
            rows.close();
        }
        checkpoint.close();
    }
}
