package org.linearmodels.data;

/** The four IDX files of an MNIST-style set, named as DJL's dataset metadata names them. */
public enum IdxFile {
    TRAIN_IMAGES("train_data", "train-images-idx3-ubyte", 3),
    TRAIN_LABELS("train_labels", "train-labels-idx1-ubyte", 1),
    TEST_IMAGES("test_data", "t10k-images-idx3-ubyte", 3),
    TEST_LABELS("test_labels", "t10k-labels-idx1-ubyte", 1);

    private final String djlKey;
    private final String fileName;
    private final int dimensions;

    IdxFile(String djlKey, String fileName, int dimensions) {
        this.djlKey = djlKey;
        this.fileName = fileName;
        this.dimensions = dimensions;
    }

    /** The key DJL's {@code Mnist} and {@code FashionMnist} look the file up by. */
    public String djlKey() {
        return djlKey;
    }

    public String fileName() {
        return fileName;
    }

    /** 3 for images (count, rows, columns), 1 for labels (count). */
    public int dimensions() {
        return dimensions;
    }

    /** The file that holds the labels of these images, or these labels' images. */
    public IdxFile partner() {
        return switch (this) {
            case TRAIN_IMAGES -> TRAIN_LABELS;
            case TRAIN_LABELS -> TRAIN_IMAGES;
            case TEST_IMAGES -> TEST_LABELS;
            case TEST_LABELS -> TEST_IMAGES;
        };
    }
}
