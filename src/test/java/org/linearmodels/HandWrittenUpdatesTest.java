package org.linearmodels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.linearmodels.engine.PyTorch;

/**
 * The lessons' updates written by hand move the parameters against their gradients and clear
 * the gradients, on the engine's thread and on any other: libtorch's grad mode is per thread and
 * on by default, and DJL turns it off only where the engine started, so an in-place update of a
 * parameter on another thread (a test's timeout, a server) failed with "a view of a leaf Variable
 * that requires grad is being used in an in-place operation".
 */
class HandWrittenUpdatesTest {

    /** T2's epoch, T3's step by hand and T5's sgd, each lowering its loss. */
    private static void steps(NDManager manager) throws Exception {
        NDArray x = manager.create(new float[] {1f, 2f, 3f, 4f, 4f, 3f, 2f, 1f}).reshape(2, 4);
        NDArray y = manager.create(new float[] {1f, 0f});
        try (IrisLogistic iris = new IrisLogistic(manager, 4)) {
            float first = iris.epoch(x, y, 0.1f).loss();
            float second = iris.epoch(x, y, 0.1f).loss();
            assertTrue(second < first, first + " -> " + second);
            assertArrayEquals(new float[4], iris.weight().getGradient().toFloatArray());
        }
        NDArray scores = x.get(":, :2");
        ExamLogistic exam = new ExamLogistic(manager);
        float before = exam.loss(scores, y);
        float after = exam.stepByHand(scores, y, 0.1f);
        assertTrue(after < before, before + " -> " + after);
        NDArray images = manager.randomUniform(0f, 1f, new Shape(8, 784));
        NDArray labels = manager.create(new long[] {0, 1, 2, 3, 4, 5, 6, 7});
        ArrayDataset batch = new ArrayDataset.Builder().setData(images).optLabels(labels)
                .setSampling(8, false).build();
        try (FashionMnistSoftmax net = new FashionMnistSoftmax(manager)) {
            double first = net.trainEpochCh3(batch, 0.5f, null)[0];
            double second = net.trainEpochCh3(batch, 0.5f, null)[0];
            assertTrue(second < first, first + " -> " + second);
        }
    }

    @Test
    void theUpdatesLowerTheLossAndClearTheGradients() throws Exception {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), PyTorch.NAME)) {
            steps(manager);
        }
    }

    @Test
    void theUpdatesWorkOnAThreadOtherThanTheEngines() throws Exception {
        PyTorch.engine();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try (NDManager manager = NDManager.newBaseManager(Device.cpu(), PyTorch.NAME)) {
                steps(manager);
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        other.start();
        other.join();
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
    }
}
