package org.linearmodels.data;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Dataset;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.linearmodels.errors.Causes;
import org.linearmodels.errors.CorruptDataException;

/**
 * Loads MNIST and Fashion-MNIST from the verified cache straight into one in-memory tensor per
 * split: images (n, 784) uint8 over the file's memory map, one row an image, served as float32
 * scaled to [0, 1] (the values DJL's {@code Mnist} and its ToTensor give), and labels (n)
 * int64. Batches are gathered from it by
 * index, as the PyTorch tutorials' in-memory variant slices its tensor; the models flatten their
 * (1, 28, 28) input, so rows fit them as they are.
 */
public final class ImageSplits {

    private ImageSplits() {}

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

    /**
     * The test split in batches of {@code batchSize}, in order, as the tutorials' test loaders
     * serve it; each batch's rows are classified as they would be in one batch, and smaller
     * batches spare the first evaluation the page faults of a 31 MB float copy of the split.
     */
    public static ArrayDataset testInBatches(DatasetCache cache, ImageDataset dataset,
            int batchSize, Device device, NDManager manager) {
        return load(cache, dataset, Dataset.Usage.TEST, batchSize, false, Long.MAX_VALUE, device,
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
        NDList split = raw(cache, dataset, usage == Dataset.Usage.TRAIN, limit, manager);
        return inBatches(split.get(0), split.get(1), batchSize, shuffle, device);
    }

    /**
     * A split's first {@code limit} images as they are stored, for a program that hands them
     * on (to Spark's executors, say): (n, 784) uint8, one row an image, and the labels (n)
     * int64, in memory owned by {@code manager}.
     */
    public static NDList raw(DatasetCache cache, ImageDataset dataset, boolean train,
            long limit, NDManager manager) {
        cache.ensure(dataset);
        Path imageFile = cache.file(dataset, train ? IdxFile.TRAIN_IMAGES : IdxFile.TEST_IMAGES);
        Path labelFile = cache.file(dataset, train ? IdxFile.TRAIN_LABELS : IdxFile.TEST_LABELS);
        try {
            IdxHeader header = IdxHeader.read(imageFile, IdxFile.TRAIN_IMAGES.dimensions());
            int size = (int) Math.min(limit, header.count());
            // DJL's Mnist reads the bytes into the heap, copies them into a direct buffer, makes
            // float32 0-255 of them, serves them through ArrayDataset's element-wise gather and
            // applies ToTensor (float32 / 255f) to that batch: four copies of the split. Here
            // the images stay uint8 over the file's memory map (the cache replaces a file by
            // renaming a new one over it, so the mapped one never changes), and each batch
            // leaves RowGatherDataset as float32 / 255f: the same numbers to the bit.
            NDArray images = mapped(imageFile, header.dimensions().length, size,
                    ImageDataset.PIXELS, manager);
            try (NDArray bytes = mapped(labelFile, 1, size, 1, manager)) {
                return new NDList(images, bytes.reshape(size).toType(DataType.INT64, false));
            }
        } catch (IOException e) {
            throw new CorruptDataException("cannot read " + dataset.displayName()
                    + " from " + cache.directory(dataset) + ": " + Causes.of(e) + ".", e);
        }
    }

    /**
     * Images as {@link #raw} gives them, (n, 784) uint8, with their labels, served in batches
     * of {@code batchSize} (0: all as one) as float32 in [0, 1].
     */
    public static ArrayDataset inBatches(NDArray images, NDArray labels, int batchSize,
            boolean shuffle, Device device) {
        int size = batchSize > 0 ? batchSize : Math.toIntExact(images.getShape().get(0));
        return new RowGatherDataset(new ArrayDataset.Builder().setData(images).optLabels(labels)
                .setSampling(size, shuffle).optDevice(device));
    }

    /**
     * The first {@code rows} items of an IDX file of unsigned bytes with {@code dimensions}
     * dimensions (its header checked by {@link DatasetCache#ensure}), {@code width} bytes each,
     * as a (rows, width) uint8 array over the file's memory map.
     */
    private static NDArray mapped(Path file, int dimensions, int rows, int width,
            NDManager manager) throws IOException {
        long offset = 4L + 4L * dimensions;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            MappedByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, offset,
                    (long) rows * width);
            return manager.create(bytes, new Shape(rows, width), DataType.UINT8);
        }
    }
}
