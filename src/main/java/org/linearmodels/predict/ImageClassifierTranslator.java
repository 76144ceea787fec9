package org.linearmodels.predict;

import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.util.List;
import org.linearmodels.model.Framing;

/**
 * DJL translator from a grey picture of a digit or garment to class probabilities: normalises
 * the picture as the training images were made ({@link Framer}), runs the model, and
 * applies softmax to its logits.
 */
public final class ImageClassifierTranslator implements Translator<Image, Classifications> {

    private final List<String> classNames;
    private final Framing style;

    public ImageClassifierTranslator(List<String> classNames, Framing style) {
        this.classNames = List.copyOf(classNames);
        this.style = style;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, Image input) {
        return input(ctx, Framer.frame(input, style));
    }

    /** The model's input for a frame {@link Framer} made. */
    static NDList input(TranslatorContext ctx, float[] frame) {
        return new NDList(ctx.getNDManager().create(frame,
                new Shape(1, Framer.SIZE, Framer.SIZE)));
    }

    Framing style() {
        return style;
    }

    @Override
    public Classifications processOutput(TranslatorContext ctx, NDList list) {
        return new Classifications(classNames, list.singletonOrThrow().softmax(0),
                classNames.size());
    }

    @Override
    public Batchifier getBatchifier() {
        return Batchifier.STACK;
    }
}
