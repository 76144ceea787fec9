package org.linearmodels.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.translate.Batchifier;

/**
 * An {@link ArrayDataset} of 2-D arrays (one row an example) that gathers a shuffled batch with
 * libtorch's embedding lookup, a row-wise copy, instead of ArrayDataset's advanced indexing,
 * which runs element by element: 22 µs instead of 111 µs for 100 MNIST images, where a whole
 * T4 step is about 350 µs (bench/step-costs, docs/PERFORMANCE.md).
 */
final class RowGatherDataset extends ArrayDataset {

    RowGatherDataset(ArrayDataset.Builder builder) {
        super(builder);
    }

    @Override
    public Batch getByIndices(NDManager manager, long... indices) {
        NDList datum = new NDList();
        NDList label = new NDList();
        try (NDArray index = manager.create(indices)) {
            for (NDArray array : data) {
                datum.add(rows(array, index));
            }
            for (NDArray array : labels) {
                label.add(rows(array.reshape(-1, 1), index).reshape(-1));
            }
        }
        return new Batch(manager, datum, label, indices.length, Batchifier.STACK,
                Batchifier.STACK, -1, -1);
    }

    /** The rows of {@code table} at {@code index}, in the manager of {@code index}. */
    private static NDArray rows(NDArray table, NDArray index) {
        return index.getNDArrayInternal().embedding(index, table, SparseFormat.DENSE)
                .singletonOrThrow();
    }
}
