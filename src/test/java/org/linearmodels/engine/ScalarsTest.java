package org.linearmodels.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.Device;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.L2Loss;
import ai.djl.training.loss.Loss;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BinaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.linearmodels.ExamLogistic;
import org.linearmodels.IrisLogistic;
import org.linearmodels.LinearRegression;

/**
 * The hand-written losses and T1's loss keep their gradients whatever happens to memory the
 * engine has let go of between the forward and the backward pass: their scalars are libtorch's
 * ({@link Scalars}). DJL's {@code x.maximum(-100f)} makes its scalar over a Java direct buffer
 * (from_blob, no copy, on the CPU) and closes that array as the op returns, while the graph keeps
 * the tensor for backward; once the collector frees the buffer, malloc hands the memory to
 * someone else. Waiting for that is luck, so the test does it on purpose: it keeps every buffer
 * the manager lets go of during the forward pass (none is really freed, so nothing here reads
 * freed memory) and fills it before backward, as the memory's next owner would. The control, the
 * same losses with DJL's Java scalars, must then get other gradients: proof that the trigger
 * reaches the memory the bug reads.
 */
class ScalarsTest {

    /** What the memory's next owner writes: 3.4e38 as a float, 9.2e18 as a long. */
    private static final byte NEXT_OWNERS_BYTE = 0x7f;

    /** A loss of {@code p} against {@code y} as the project writes it, and with Java scalars. */
    record LossPair(String name, BinaryOperator<NDArray> fixed,
            BinaryOperator<NDArray> javaScalars) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** The only place that names where the project's losses live. */
    static Stream<LossPair> losses() {
        Loss sumOfSquares = new LinearRegression.SumOfSquares();
        return Stream.of(
                new LossPair("binary cross-entropy", IrisLogistic::binaryCrossEntropy,
                        ScalarsTest::javaScalarBinaryCrossEntropy),
                new LossPair("clamped binary cross-entropy", ExamLogistic::binaryLoss,
                        ScalarsTest::javaScalarClampedBinaryCrossEntropy),
                new LossPair("sum of squares",
                        (p, y) -> sumOfSquares.evaluate(new NDList(y), new NDList(p)),
                        ScalarsTest::javaScalarSumOfSquares));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("losses")
    void overwritingReleasedMemoryChangesOnlyTheJavaScalarsGradient(LossPair loss)
            throws ReflectiveOperationException {
        PyTorch.engine();
        float[] expected = gradient(loss.fixed(), false);
        assertArrayEquals(expected, gradient(loss.javaScalars(), false),
                "the Java-scalar form computes the same loss");
        assertFalse(Arrays.equals(expected, gradient(loss.javaScalars(), true)),
                "the trigger must corrupt the Java-scalar form's gradient, or it proves nothing");
        assertArrayEquals(expected, gradient(loss.fixed(), true),
                "the project's loss must not read memory the engine has let go of");
    }

    /**
     * d loss / d p for fixed probabilities and labels; with {@code overwrite}, every buffer
     * released during the forward pass is overwritten before backward.
     */
    private static float[] gradient(BinaryOperator<NDArray> loss, boolean overwrite)
            throws ReflectiveOperationException {
        // The CPU: on a GPU the engine copies the buffer and the bug cannot happen.
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray p = manager.create(new float[] {0.1f, 0.35f, 0.5f, 0.8f, 0.97f, 0.999f});
            NDArray y = manager.create(new float[] {0f, 1f, 1f, 0f, 1f, 1f});
            p.setRequiresGradient(true);
            ReleasedBuffers released = ReleasedBuffers.of(manager);
            try (GradientCollector collector = PyTorch.engine().newGradientCollector()) {
                NDArray value = loss.apply(p, y);
                if (overwrite) {
                    released.fill(NEXT_OWNERS_BYTE);
                }
                collector.backward(value);
            }
            return p.getGradient().toFloatArray();
        }
    }

    private static NDArray javaScalarBinaryCrossEntropy(NDArray p, NDArray y) {
        NDArray logP = p.log().maximum(-100f);
        NDArray logNotP = p.neg().add(1f).log().maximum(-100f);
        return y.mul(logP).add(y.neg().add(1f).mul(logNotP)).mean().neg();
    }

    private static NDArray javaScalarClampedBinaryCrossEntropy(NDArray p, NDArray y) {
        NDArray logP = p.maximum(1e-12f).log();
        NDArray logNotP = p.neg().add(1f).maximum(1e-12f).log();
        return y.mul(logP).add(y.neg().add(1f).mul(logNotP)).mean().neg();
    }

    /** DJL's L2Loss with weight 1 times the batch size: two Java scalars, a float and a long. */
    private static NDArray javaScalarSumOfSquares(NDArray p, NDArray y) {
        return new L2Loss("L2", 1f).evaluate(new NDList(y), new NDList(p))
                .mul(p.getShape().get(0));
    }

    /**
     * The Java buffers of the arrays a manager closes, kept from the collector. A PyTorch array
     * holds its buffer in a private field that close clears just after it leaves the manager's
     * resource map, so this map, put in the manager's place, sees each one as it goes.
     */
    private static final class ReleasedBuffers extends ConcurrentHashMap<String, AutoCloseable> {

        private final transient List<ByteBuffer> buffers = new ArrayList<>();
        private final transient Field dataRef;

        private ReleasedBuffers() throws NoSuchFieldException {
            dataRef = PtNDArray.class.getDeclaredField("dataRef");
            dataRef.setAccessible(true);
        }

        @SuppressWarnings("unchecked")
        static ReleasedBuffers of(NDManager manager) throws ReflectiveOperationException {
            Field resources = BaseNDManager.class.getDeclaredField("resources");
            resources.setAccessible(true);
            ReleasedBuffers released = new ReleasedBuffers();
            released.putAll((Map<String, AutoCloseable>) resources.get(manager));
            resources.set(manager, released);
            return released;
        }

        @Override
        public AutoCloseable remove(Object key) {
            AutoCloseable resource = super.remove(key);
            if (resource instanceof PtNDArray array) {
                try {
                    ByteBuffer buffer = (ByteBuffer) dataRef.get(array);
                    if (buffer != null) {
                        buffers.add(buffer);
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
            return resource;
        }

        /** Writes {@code value} over every byte released so far. */
        void fill(byte value) {
            for (ByteBuffer buffer : buffers) {
                ByteBuffer all = buffer.duplicate().clear();
                while (all.hasRemaining()) {
                    all.put(value);
                }
            }
        }
    }
}
