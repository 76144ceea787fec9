package org.linearmodels.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A table of numeric features and a label per row, held in flat Java arrays (a row costs its
 * numbers only) until a run turns it into NDArrays.
 *
 * @param features row after row, {@code featureNames.size()} numbers a row
 * @param labels one per row: a class index, or the target value of a regression
 * @param classNames the name of each class index; empty for regression
 */
public record TabularData(String name, String source, String md5, List<String> featureNames,
        float[] features, float[] labels, List<String> classNames) {

    public int rows() {
        return labels.length;
    }

    public int featureCount() {
        return featureNames.size();
    }

    /** The largest value of each feature column. */
    public float[] columnMaxima() {
        float[] maxima = new float[featureCount()];
        Arrays.fill(maxima, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < features.length; i++) {
            int j = i % maxima.length;
            maxima[j] = Math.max(maxima[j], features[i]);
        }
        return maxima;
    }

    /** This table with each feature column divided by its divisor. */
    public TabularData dividedBy(float[] divisors) {
        float[] scaled = new float[features.length];
        for (int i = 0; i < features.length; i++) {
            scaled[i] = features[i] / divisors[i % divisors.length];
        }
        return new TabularData(name, source, md5, featureNames, scaled, labels, classNames);
    }

    /** Feature column {@code j} of the rows labelled {@code label}. */
    public double[] column(int j, float label) {
        return IntStream.range(0, rows()).filter(i -> labels[i] == label)
                .mapToDouble(i -> features[i * featureCount() + j]).toArray();
    }

    /** The features as a (rows, features) array in {@code manager}. */
    public NDArray featureArray(NDManager manager) {
        // A copy: the engine may keep the array it is given as the tensor's memory.
        return manager.create(features.clone(), new Shape(rows(), featureCount()));
    }

    /** The labels as a (rows) array in {@code manager}. */
    public NDArray labelArray(NDManager manager) {
        return manager.create(labels);
    }

    /**
     * A DJL dataset over the table, in batches of {@code batchSize}. Labels are a (rows, 1)
     * column, the shape of a one-unit Linear layer's output.
     */
    public ArrayDataset toDataset(NDManager manager, int batchSize, boolean shuffle) {
        return new ArrayDataset.Builder().setData(featureArray(manager))
                .optLabels(labelArray(manager).reshape(rows(), 1))
                .setSampling(batchSize, shuffle).build();
    }

    public DataProvenance provenance() {
        return new DataProvenance(name, source, Map.of(name, md5), rows());
    }
}
