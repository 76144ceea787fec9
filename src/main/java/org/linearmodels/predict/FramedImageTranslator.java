package org.linearmodels.predict;

import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDList;
import ai.djl.translate.Batchifier;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.util.List;
import org.linearmodels.model.Framing;

/**
 * {@link ImageClassifierTranslator} that also hands back the 28×28 frame the model saw, for a
 * caller that shows it (the server's page): the picture is framed once, by the same
 * translator, and those very pixels are returned beside the class probabilities.
 */
public final class FramedImageTranslator
        implements NoBatchifyTranslator<Image, FramedImageTranslator.Framed> {

    /**
     * @param classes the class probabilities
     * @param pixels the 784 framed pixels, row by row, in [0, 1] (light ink on black)
     */
    public record Framed(Classifications classes, float[] pixels) {}

    private static final String FRAME = "frame";

    private final ImageClassifierTranslator typed;

    public FramedImageTranslator(List<String> classNames, Framing style) {
        this.typed = new ImageClassifierTranslator(classNames, style);
    }

    @Override
    public NDList processInput(TranslatorContext ctx, Image input) {
        float[] frame = Framer.frame(input, typed.style());
        ctx.setAttachment(FRAME, frame);
        return Batchifier.STACK.batchify(new NDList[] {ImageClassifierTranslator.input(ctx,
                frame)});
    }

    @Override
    public Framed processOutput(TranslatorContext ctx, NDList list) {
        NDList one = Batchifier.STACK.unbatchify(list)[0];
        return new Framed(typed.processOutput(ctx, one), (float[]) ctx.getAttachment(FRAME));
    }
}
