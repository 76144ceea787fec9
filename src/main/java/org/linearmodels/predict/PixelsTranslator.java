package org.linearmodels.predict;

import ai.djl.modality.Classifications;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * DJL translator for images already framed as the training set's: 784 floats in [0, 1], row by
 * row (e.g. an MNIST test image). A batch goes in as one array and comes out as one array:
 * DJL's default batching would make one native call per image each way, which costs more than
 * the model itself.
 */
public final class PixelsTranslator implements Translator<float[], Classifications> {

    private static final int PIXELS = Framer.SIZE * Framer.SIZE;

    private final List<String> classNames;

    public PixelsTranslator(List<String> classNames) {
        this.classNames = List.copyOf(classNames);
    }

    @Override
    public NDList processInput(TranslatorContext ctx, float[] pixels) {
        return batchProcessInput(ctx, List.of(pixels));
    }

    @Override
    public Classifications processOutput(TranslatorContext ctx, NDList list) {
        return batchProcessOutput(ctx, list).get(0);
    }

    @Override
    public NDList batchProcessInput(TranslatorContext ctx, List<float[]> inputs) {
        // Straight into the direct buffer DJL hands to libtorch: a float[] would be copied
        // into one first.
        ByteBuffer buffer = ctx.getNDManager().allocateDirect(inputs.size() * PIXELS * 4);
        FloatBuffer floats = buffer.asFloatBuffer();
        for (float[] pixels : inputs) {
            if (pixels.length != PIXELS) {
                throw new IllegalArgumentException("an image has " + pixels.length
                        + " pixels, expected " + PIXELS + " (28x28)");
            }
            floats.put(pixels);
        }
        NDArray array = ctx.getNDManager().create(buffer,
                new Shape(inputs.size(), 1, Framer.SIZE, Framer.SIZE),
                DataType.FLOAT32);
        return new NDList(array);
    }

    @Override
    public List<Classifications> batchProcessOutput(TranslatorContext ctx, NDList list) {
        NDArray logits = list.singletonOrThrow();
        int classes = Math.toIntExact(logits.getShape().get(1));
        float[] probabilities = logits.softmax(1).toFloatArray();
        List<Classifications> answers = new ArrayList<>(probabilities.length / classes);
        for (int start = 0; start < probabilities.length; start += classes) {
            List<Double> row = new ArrayList<>(classes);
            for (float p : Arrays.copyOfRange(probabilities, start, start + classes)) {
                row.add((double) p);
            }
            answers.add(new Classifications(classNames, row));
        }
        return answers;
    }

    /** Never used: both batch methods are overridden; DJL asks for one to allow batching. */
    @Override
    public Batchifier getBatchifier() {
        return Batchifier.STACK;
    }
}
