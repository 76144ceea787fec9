package org.linearmodels.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.Loss;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;
import org.linearmodels.ExamLogistic;
import org.linearmodels.IrisLogistic;
import org.linearmodels.LinearRegression;


/**
 * The hand-written losses and T1's loss give the same gradients when the JVM collects garbage
 * between the forward and the backward pass: their scalars are libtorch's ({@link Scalars}), not
 * Java buffers that the collector frees while autograd still reads them.
 */
class ScalarsTest {

    @Test
    void gradientsDoNotChangeWhenGarbageIsCollectedBeforeBackward() throws Exception {
        Engines.pytorch();
        assertSameGradients(IrisLogistic::binaryCrossEntropy);
        assertSameGradients(ExamLogistic::binaryLoss);
        Loss sumOfSquares = new LinearRegression.SumOfSquares();
        assertSameGradients((p, y) -> sumOfSquares.evaluate(new NDList(y), new NDList(p)));
    }

    private static void assertSameGradients(BinaryOperator<NDArray> loss) throws Exception {
        float[] quiet = gradient(loss, false);
        for (int round = 0; round < 3; round++) {
            assertArrayEquals(quiet, gradient(loss, true), "round " + round);
        }
    }

    /** d loss / d p for fixed probabilities and labels, with a collection before backward. */
    private static float[] gradient(BinaryOperator<NDArray> loss, boolean collect)
            throws InterruptedException {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray p = manager.create(new float[] {0.1f, 0.35f, 0.5f, 0.8f, 0.97f, 0.999f});
            NDArray y = manager.create(new float[] {0f, 1f, 1f, 0f, 1f, 1f});
            p.setRequiresGradient(true);
            try (GradientCollector collector = Engines.pytorch().newGradientCollector()) {
                NDArray value = loss.apply(p, y);
                if (collect) {
                    collectAndReuseFreedMemory();
                }
                collector.backward(value);
            }
            return p.getGradient().toFloatArray();
        }
    }

    /** Frees unreachable direct buffers and fills the memory malloc hands out next. */
    private static void collectAndReuseFreedMemory() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);  // the buffers' cleaners run on their own thread
        }
        List<ByteBuffer> litter = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(8);
            while (buffer.hasRemaining()) {
                buffer.put((byte) 0x7f);
            }
            litter.add(buffer);
        }
    }
}
