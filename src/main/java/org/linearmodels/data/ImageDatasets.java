package org.linearmodels.data;

import ai.djl.Device;
import ai.djl.basicdataset.cv.classification.FashionMnist;
import ai.djl.basicdataset.cv.classification.Mnist;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.Repository;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.linearmodels.cli.ExitCode;
import org.linearmodels.cli.UserError;
import org.linearmodels.model.DataProvenance;

/**
 * Builds DJL's own {@link Mnist} and {@link FashionMnist} datasets over the verified cache. Each
 * sample is a (1, 28, 28) float tensor scaled to [0, 1] by DJL's default ToTensor pipeline; the
 * label is the class index.
 */
public final class ImageDatasets {

    private ImageDatasets() {}

    /** What a run asks of the data: which split, how it is batched, and how much of it. */
    public record Request(Dataset.Usage usage, int batchSize, boolean shuffle, long limit,
            Device device) {}

    /** Where a model's training data came from, for its manifest. */
    public static DataProvenance provenance(ImageDataset dataset, long trainExamples) {
        Map<String, String> md5 = new LinkedHashMap<>();
        for (IdxFile file : IdxFile.values()) {
            md5.put(file.fileName(), dataset.md5(file));
        }
        return new DataProvenance(dataset.displayName(), dataset.source().describe(), md5,
                trainExamples);
    }

    /**
     * Loads one split of {@code dataset} into memory owned by {@code manager}: closing the
     * manager frees it.
     */
    public static RandomAccessDataset load(DatasetCache cache, ImageDataset dataset,
            Request request, NDManager manager) {
        Repository repository = cache.ensure(dataset);
        RandomAccessDataset loaded = switch (dataset) {
            case MNIST -> Mnist.builder().optRepository(repository).optManager(manager)
                    .optUsage(request.usage()).setSampling(request.batchSize(), request.shuffle())
                    .optLimit(request.limit()).optDevice(request.device()).build();
            case FASHION_MNIST -> FashionMnist.builder().optRepository(repository)
                    .optManager(manager).optUsage(request.usage())
                    .setSampling(request.batchSize(), request.shuffle())
                    .optLimit(request.limit()).optDevice(request.device()).build();
        };
        try {
            loaded.prepare();
        } catch (IOException | TranslateException e) {
            throw new UserError(ExitCode.DATA_CORRUPT, "cannot read " + dataset.displayName()
                    + " from " + cache.directory(dataset) + ": " + e.getMessage(), e);
        }
        return loaded;
    }
}
