package org.linearmodels.model;

import java.util.Locale;

/**
 * The {@code serving.properties} that makes a checkpoint directory a DJL model directory: DJL's
 * {@code Criteria} (and DJL Serving) read it to learn the engine, the {@link LinearBlockFactory}
 * that rebuilds and verifies the block, and the translator factory. Written beside the manifest
 * by {@link CheckpointFiles#save}.
 */
public final class ServingProperties {

    public static final String FILE_NAME = "serving.properties";
    /** By name: {@code model/} does not import {@code predict/}, which holds the translators. */
    public static final String TRANSLATOR_FACTORY =
            "org.linearmodels.predict.LinearTranslatorFactory";

    private ServingProperties() {}

    /** The file's text for a checkpoint described by {@code manifest}. */
    public static String text(Manifest manifest) {
        return String.format(Locale.ROOT, """
                # A DJL model directory. Load it with DJL's Criteria, the project's jar on the class
                # path: optModelPath(<this directory>), optTranslatorFactory(new
                # DeferredTranslatorFactory()) (docs/loading.md).
                engine=PyTorch
                blockFactory=%s
                translatorFactory=%s
                option.modelName=%s
                option.epoch=%d
                # The block factory loads the parameters itself, from the file the manifest names,
                # after checking its sha256; DJL is not to load another on its own.
                option.hasParameter=false
                # DJL's built-in image classifier (chosen for Image to Classifications when no
                # translator factory is given) would resize pictures to 224x224 and answer wrongly;
                # this value makes it refuse, with this line as its message.
                normalize=not for DJL's generic image translator; load with\
                 optTranslatorFactory(new ai.djl.translate.DeferredTranslatorFactory())
                """, LinearBlockFactory.class.getName(), TRANSLATOR_FACTORY, manifest.name(),
                manifest.epoch());
    }
}
