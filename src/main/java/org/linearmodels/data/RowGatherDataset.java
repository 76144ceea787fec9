package org.linearmodels.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Record;
import ai.djl.translate.Batchifier;

/**
 * An {@link ArrayDataset} of 2-D arrays (one row an example) that gathers a shuffled batch with
 * libtorch's embedding lookup, a row-wise copy, instead of ArrayDataset's advanced indexing,
 * which runs element by element: 22 µs instead of 111 µs for 100 MNIST images, where a whole
 * T4 step is about 350 µs (bench/step-costs, docs/PERFORMANCE.md).
 *
 * <p>Data held as uint8 (pixels 0-255, as the IDX files store them) leave as float32 divided by
 * 255f, ToTensor's scaling, batch by batch: the split stays a quarter of its float size in
 * memory, and a batch's 100 rows convert in microseconds where the whole split took 0.5 s of
 * page faults (docs/PERFORMANCE.md, issue 14). Every path out (a record, a range, indices)
 * converts, so no caller sees the bytes.
 */
final class RowGatherDataset extends ArrayDataset {

    RowGatherDataset(ArrayDataset.Builder builder) {
        super(builder);
    }

    @Override
    public Record get(NDManager manager, long index) {
        Record record = super.get(manager, index);
        return new Record(scaled(record.getData()), record.getLabels());
    }

    @Override
    public Batch getByRange(NDManager manager, long fromIndex, long toIndex) {
        Batch batch = super.getByRange(manager, fromIndex, toIndex);
        return new Batch(manager, scaled(batch.getData()), batch.getLabels(), batch.getSize(),
                Batchifier.STACK, Batchifier.STACK, -1, -1);
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
        return new Batch(manager, scaled(datum), label, indices.length, Batchifier.STACK,
                Batchifier.STACK, -1, -1);
    }

    /** The rows of {@code table} at {@code index}, in the manager of {@code index}. */
    private static NDArray rows(NDArray table, NDArray index) {
        return index.getNDArrayInternal().embedding(index, table, SparseFormat.DENSE)
                .singletonOrThrow();
    }

    /**
     * {@code arrays} with every uint8 array as float32 / 255f, the bytes freed. (Converting
     * first and dividing in place: uint8 / 255f in one call is 3x slower, libtorch casting
     * element by element when the operands' types differ.)
     */
    private static NDList scaled(NDList arrays) {
        NDList out = new NDList(arrays.size());
        for (NDArray array : arrays) {
            if (array.getDataType() == DataType.UINT8) {
                try (array) {
                    out.add(array.toType(DataType.FLOAT32, false).divi(255f));
                }
            } else {
                out.add(array);
            }
        }
        return out;
    }
}
