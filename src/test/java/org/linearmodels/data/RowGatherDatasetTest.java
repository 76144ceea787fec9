package org.linearmodels.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Record;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.linearmodels.engine.PyTorch;

/**
 * Pixels held as bytes leave the dataset as the float32 / 255f that a split converted as a whole
 * gives, bit for bit, on every path out (issue 14: the split stays uint8 in memory).
 */
class RowGatherDatasetTest {

    private static final int ROWS = 300;
    private static final int WIDTH = 784;

    @Test
    void bytesLeaveAsTheFloatsOfTheWholeSplitOnEveryPath() {
        PyTorch.engine();
        byte[] pixels = new byte[ROWS * WIDTH];
        new Random(3).nextBytes(pixels);
        long[] labelValues = new Random(4).longs(ROWS, 0, 10).toArray();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray bytes = manager.create(ByteBuffer.wrap(pixels), new Shape(ROWS, WIDTH),
                    DataType.UINT8);
            NDArray labels = manager.create(labelValues);
            NDArray floats = bytes.toType(DataType.FLOAT32, false).divi(255f);
            ArrayDataset asBytes = new RowGatherDataset(new ArrayDataset.Builder()
                    .setData(bytes).optLabels(labels).setSampling(100, true));
            ArrayDataset asFloats = new RowGatherDataset(new ArrayDataset.Builder()
                    .setData(floats).optLabels(labels).setSampling(100, true));

            long[] indices = {299, 0, 17, 17, 150};
            Batch fromBytes = asBytes.getByIndices(manager, indices);
            Batch fromFloats = asFloats.getByIndices(manager, indices);
            assertSame(fromFloats.getData().head(), fromBytes.getData().head());
            assertArrayEquals(fromFloats.getLabels().head().toLongArray(),
                    fromBytes.getLabels().head().toLongArray());
            assertArrayEquals(new long[] {labelValues[299], labelValues[0], labelValues[17],
                labelValues[17], labelValues[150]}, fromBytes.getLabels().head().toLongArray());

            assertSame(asFloats.getByRange(manager, 40, 140).getData().head(),
                    asBytes.getByRange(manager, 40, 140).getData().head());
            Record record = asBytes.get(manager, 7);
            assertSame(asFloats.get(manager, 7).getData().head(), record.getData().head());
            assertEquals(labelValues[7], record.getLabels().head().getLong());
        }
    }

    /** Same type, shape and bits; the bytes made floats are in [0, 1]. */
    private static void assertSame(NDArray expected, NDArray actual) {
        assertEquals(DataType.FLOAT32, actual.getDataType());
        assertEquals(expected.getShape(), actual.getShape());
        float[] want = expected.toFloatArray();
        float[] got = actual.toFloatArray();
        for (int i = 0; i < want.length; i++) {
            assertEquals(Float.floatToIntBits(want[i]), Float.floatToIntBits(got[i]),
                    "element " + i);
        }
        assertEquals(1f, actual.max().getFloat(), 1e-6f);
    }
}
