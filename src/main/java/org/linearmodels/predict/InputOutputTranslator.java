package org.linearmodels.predict;

import ai.djl.modality.Classifications;
import ai.djl.modality.Input;
import ai.djl.modality.Output;
import ai.djl.ndarray.NDList;
import ai.djl.translate.Batchifier;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import com.google.gson.JsonArray;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * DJL Serving's {@link Input}/{@link Output} over one of the typed translators, so that a DJL
 * Serving user can serve a model directory as it is: the request body (an image, or numbers
 * separated by commas or spaces) is read into the typed input, and the answer is sent back as
 * JSON (Classifications' own JSON, or an array of numbers).
 *
 * @param <I> the typed translator's input
 * @param <O> its output
 */
final class InputOutputTranslator<I, O> implements NoBatchifyTranslator<Input, Output> {

    private final Translator<I, O> typed;
    private final Function<byte[], I> reader;

    private InputOutputTranslator(Translator<I, O> typed, Function<byte[], I> reader) {
        this.typed = typed;
        this.reader = reader;
    }

    /** Images in the request body. */
    static InputOutputTranslator<?, ?> images(ImageClassifierTranslator typed) {
        return new InputOutputTranslator<>(typed, b -> ImageFiles.readGray(b, "the request"));
    }

    /** Rows of numbers in the request body, e.g. {@code 5.1,3.5,1.4,0.2}. */
    static InputOutputTranslator<?, ?> rows(FeatureTranslator typed) {
        return new InputOutputTranslator<>(typed, InputOutputTranslator::numbers);
    }

    @Override
    public NDList processInput(TranslatorContext ctx, Input input) throws Exception {
        I value = reader.apply(input.getData().getAsBytes());
        NDList list = typed.processInput(ctx, value);
        Batchifier batchifier = typed.getBatchifier();
        return batchifier == null ? list : batchifier.batchify(new NDList[] {list});
    }

    @Override
    public Output processOutput(TranslatorContext ctx, NDList list) throws Exception {
        Batchifier batchifier = typed.getBatchifier();
        NDList one = batchifier == null ? list : batchifier.unbatchify(list)[0];
        O answer = typed.processOutput(ctx, one);
        Output output = new Output();
        output.addProperty("Content-Type", "application/json");
        if (answer instanceof Classifications classifications) {
            output.add(classifications.toJson());
        } else if (answer instanceof float[] values) {
            JsonArray array = new JsonArray();
            for (float value : values) {
                array.add(value);
            }
            output.add(array.toString());
        } else {
            throw new TranslateException("no JSON form for " + answer);
        }
        return output;
    }

    private static float[] numbers(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).replaceAll("[\\[\\]]", " ")
                .trim();
        String[] tokens = text.isEmpty() ? new String[0] : text.split("[,\\s]+");
        float[] values = new float[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            values[i] = Float.parseFloat(tokens[i]);
        }
        return values;
    }
}
