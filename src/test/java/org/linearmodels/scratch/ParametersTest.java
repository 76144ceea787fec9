package org.linearmodels.scratch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.linearmodels.engine.Engines;

class ParametersTest {

    /** One step of loss sum(w * x) at lr 0.5 over a batch of 2: w - 0.25 * x, gradient zeroed. */
    private static void step(NDManager manager) {
        NDArray w = manager.create(new float[] {1f, 2f});
        w.setRequiresGradient(true);
        NDArray x = manager.create(new float[] {4f, -8f});
        try (GradientCollector collector = Engines.pytorch().newGradientCollector()) {
            collector.backward(w.mul(x).sum());
        }
        Parameters.sgdStep(w, 0.5f, 2);
        assertArrayEquals(new float[] {0f, 4f}, w.toFloatArray());
        assertArrayEquals(new float[] {0f, 0f}, w.getGradient().toFloatArray());
    }

    @Test
    void aStepMovesAgainstTheGradientAndClearsIt() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), Engines.NAME)) {
            step(manager);
        }
    }

    @Test
    void aStepWorksOnAThreadOtherThanTheEngines() throws Exception {
        // libtorch's grad mode is per thread and on by default; DJL turns it off only where the
        // engine started. A driver run from another thread (a test's timeout, a server) failed
        // with "a view of a leaf Variable that requires grad is being used in an in-place
        // operation".
        Engines.pytorch();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try (NDManager manager = NDManager.newBaseManager(Device.cpu(), Engines.NAME)) {
                step(manager);
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
