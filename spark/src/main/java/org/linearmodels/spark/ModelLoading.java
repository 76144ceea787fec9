package org.linearmodels.spark;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.DeferredTranslatorFactory;
import java.io.IOException;
import java.nio.file.Path;
import org.linearmodels.engine.PyTorch;
import org.linearmodels.errors.Causes;
import org.linearmodels.errors.CheckpointException;
import org.linearmodels.model.LinearBlockFactory;

/** An executor's copy of a model directory, loaded through its Criteria as any DJL program. */
public final class ModelLoading {

    private ModelLoading() {}

    /**
     * The model in {@code directory} answering {@code input} with {@code output}; libtorch at
     * one intra-op thread, as Spark runs one task per executor core.
     */
    static <I, O> ZooModel<I, O> load(String directory, Class<I> input, Class<O> output) {
        PyTorch.useThreads(1);
        Criteria<I, O> criteria = Criteria.builder()
                .setTypes(input, output)
                .optModelPath(Path.of(directory))
                .optTranslatorFactory(new DeferredTranslatorFactory())
                .optArgument(LinearBlockFactory.TRAIN_HINT, "its trainer with --output-dir "
                        + directory)
                .build();
        try {
            return criteria.loadModel();
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            throw new CheckpointException("cannot load " + directory + ": " + Causes.of(e)
                    + ". Every executor must read --model-dir at the same path.", e);
        }
    }

    /** Loads the model in {@code directory} once and lets it go: it loads, and verifies. */
    public static void verify(String directory) {
        load(directory, NDList.class, NDList.class).close();
    }
}
