package org.linearmodels.data;

import ai.djl.Device;
import ai.djl.basicdataset.cv.classification.FashionMnist;
import ai.djl.basicdataset.cv.classification.Mnist;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.repository.Repository;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.BatchSampler;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.SequenceSampler;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.linearmodels.errors.ExitCode;
import org.linearmodels.errors.UserError;
import org.linearmodels.model.DataProvenance;

/**
 * Loads MNIST and Fashion-MNIST through DJL's own {@link Mnist} and {@link FashionMnist} classes
 * over the verified cache, then holds each split as one in-memory tensor: images (n, 784)
 * float32 scaled to [0, 1] (DJL's ToTensor, applied once), one row an image, and labels (n)
 * int64. Batches are gathered from it by index, as the PyTorch tutorials' in-memory variant
 * slices its tensor; the models flatten their (1, 28, 28) input, so rows fit them as they are.
 */
public final class ImageDatasets {

    private ImageDatasets() {}

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
     * The training split in shuffled batches of {@code batchSize}, its first {@code limit}
     * images only, in memory owned by {@code manager} (closing it frees them).
     */
    public static ArrayDataset training(DatasetCache cache, ImageDataset dataset, int batchSize,
            long limit, Device device, NDManager manager) {
        return load(cache, dataset, Dataset.Usage.TRAIN, batchSize, true, limit, device,
                manager);
    }

    /** The test split, its first {@code limit} images, as one batch for evaluation. */
    public static ArrayDataset test(DatasetCache cache, ImageDataset dataset, long limit,
            Device device, NDManager manager) {
        return load(cache, dataset, Dataset.Usage.TEST, 0, false, limit, device, manager);
    }

    /** @param batchSize 0 for the whole split as one batch */
    private static ArrayDataset load(DatasetCache cache, ImageDataset dataset,
            Dataset.Usage usage, int batchSize, boolean shuffle, long limit, Device device,
            NDManager manager) {
        Repository repository = cache.ensure(dataset);
        NDArray images;
        NDArray labels;
        // DJL's classes apply ToTensor (a transpose and a division) to every batch they serve,
        // which cost 15 % of a T4 step; here it runs once over the whole split.
        try (NDManager loading = manager.newSubManager()) {
            RandomAccessDataset raw = switch (dataset) {
                case MNIST -> Mnist.builder().optRepository(repository).optManager(loading)
                        .optUsage(usage).setSampling(1, false)
                        .optLimit(limit).build();
                case FASHION_MNIST -> FashionMnist.builder().optRepository(repository)
                        .optManager(loading).optUsage(usage).setSampling(1, false)
                        .optLimit(limit).build();
            };
            raw.prepare();
            int size = Math.toIntExact(raw.size());
            try (Batch all = raw.getData(loading,
                    new BatchSampler(new SequenceSampler(), size, false)).iterator().next()) {
                images = all.getData().singletonOrThrow().reshape(size, ImageDataset.PIXELS);
                labels = all.getLabels().singletonOrThrow().toType(DataType.INT64, true);
                images.attach(manager);
                labels.attach(manager);
            }
        } catch (IOException | TranslateException e) {
            throw new UserError(ExitCode.DATA_CORRUPT, "cannot read " + dataset.displayName()
                    + " from " + cache.directory(dataset) + ": " + e.getMessage(), e);
        }
        int size = batchSize > 0 ? batchSize : Math.toIntExact(images.getShape().get(0));
        return new RowGatherDataset(new ArrayDataset.Builder().setData(images).optLabels(labels)
                .setSampling(size, shuffle).optDevice(device));
    }
}
