package org.linearmodels.predict;

import ai.djl.Model;
import ai.djl.modality.Classifications;
import ai.djl.modality.Input;
import ai.djl.modality.Output;
import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDList;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorFactory;
import ai.djl.util.Pair;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Set;
import org.linearmodels.model.LinearBlockFactory;
import org.linearmodels.model.Manifest;
import org.linearmodels.model.ModelSpec;

/**
 * The {@code translatorFactory} of every model directory this project writes. It reads the
 * spec the {@link LinearBlockFactory} verified (a property of the loaded model) and answers:
 *
 * <ul>
 *   <li>image models: {@code Image → Classifications} (the picture framed as the training
 *       images were, as the predictor commands do), {@code float[] → Classifications} (784
 *       pixels in [0, 1], already framed);
 *   <li>tabular models: {@code float[] → float[]} (a raw row in; y, P(class 1), or the class
 *       probabilities out);
 *   <li>both: DJL Serving's {@code Input → Output}, and {@code NDList → NDList}.
 * </ul>
 */
public final class LinearTranslatorFactory implements TranslatorFactory {

    private static final Set<Pair<Type, Type>> TYPES = Set.of(
            new Pair<>(Image.class, Classifications.class),
            new Pair<>(float[].class, Classifications.class),
            new Pair<>(float[].class, float[].class),
            new Pair<>(Input.class, Output.class),
            new Pair<>(NDList.class, NDList.class));

    @Override
    public Set<Pair<Type, Type>> getSupportedTypes() {
        return TYPES;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <I, O> Translator<I, O> newInstance(Class<I> input, Class<O> output, Model model,
            Map<String, ?> arguments) throws TranslateException {
        String json = model.getProperty(LinearBlockFactory.SPEC_PROPERTY);
        if (json == null) {
            throw new TranslateException("the model was not loaded by "
                    + LinearBlockFactory.class.getName() + " (the directory's blockFactory), so"
                    + " its spec is unknown; load it without optBlock");
        }
        ModelSpec spec = Manifest.specFromJson(json);
        boolean image = spec.framing() != null;
        Translator<?, ?> translator = null;
        if (input == NDList.class && output == NDList.class) {
            translator = new NoopTranslator();
        } else if (image && input == Image.class && output == Classifications.class) {
            translator = images(spec);
        } else if (image && input == float[].class && output == Classifications.class) {
            translator = new PixelsTranslator(spec.classNames());
        } else if (!image && input == float[].class && output == float[].class) {
            translator = new FeatureTranslator(spec);
        } else if (input == Input.class && output == Output.class) {
            translator = image ? InputOutputTranslator.images(images(spec))
                    : InputOutputTranslator.rows(new FeatureTranslator(spec));
        }
        if (translator == null) {
            throw new TranslateException("this " + (image ? "image" : "tabular") + " model"
                    + " answers " + (image ? "Image or float[] (784 pixels) with Classifications"
                            : "float[] rows with float[]")
                    + ", or Input with Output; not " + input.getSimpleName() + " with "
                    + output.getSimpleName());
        }
        return (Translator<I, O>) translator;
    }

    private static ImageClassifierTranslator images(ModelSpec spec) {
        return new ImageClassifierTranslator(spec.classNames(),
                spec.framing());
    }
}
