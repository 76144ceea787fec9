package org.linearmodels.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A float tensor read from or written to a PyTorch file: its shape and its values, contiguous
 * in row-major order as {@code tensor.contiguous()} holds them.
 */
public record TorchTensor(long[] shape, float[] values) {

    public TorchTensor {
        shape = shape.clone();
        if (Arrays.stream(shape).reduce(1L, (a, b) -> a * b) != values.length) {
            throw new IllegalArgumentException(values.length + " values for shape "
                    + Arrays.toString(shape));
        }
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Whether the shape is exactly {@code dims}. */
    public boolean hasShape(long... dims) {
        return Arrays.equals(shape, dims);
    }

    /** This 2-D tensor transposed, its values copied. */
    public TorchTensor transposed() {
        int rows = (int) shape[0];
        int columns = (int) shape[1];
        float[] out = new float[values.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                out[j * rows + i] = values[i * columns + j];
            }
        }
        return new TorchTensor(new long[] {columns, rows}, out);
    }

    /** The shape as PyTorch prints it, e.g. (10, 784). */
    public String shapeText() {
        return Arrays.stream(shape).mapToObj(Long::toString)
                .collect(Collectors.joining(", ", "(",
                        shape.length == 1 ? ",)" : ")"));
    }
}
