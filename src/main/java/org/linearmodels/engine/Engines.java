package org.linearmodels.engine;

import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.pytorch.jni.JniUtils;
import org.linearmodels.errors.Causes;
import org.linearmodels.errors.DeviceException;

/** The one engine this project runs on, loaded with an error that says what to do. */
public final class Engines {

    public static final String NAME = "PyTorch";

    private Engines() {}

    /**
     * Sets libtorch's intra-op threads for this process. DJL starts as many as there are cores;
     * one is faster for the tutorials' batches of 100 rows, whose ops are too small for the
     * fork and join of a second thread to pay (docs/PERFORMANCE.md).
     */
    public static void useThreads(int threads) {
        pytorch();
        JniUtils.setNumThreads(threads);
    }

    /** DJL's PyTorch engine; loading it the first time loads libtorch. */
    public static Engine pytorch() {
        try {
            NativeHeap.keepBuffersInHeap();
            ExternalLibtorch.prepare();
            Engine engine = Engine.getEngine(NAME);
            QuickExit.afterLibtorchLoads();
            return engine;
        } catch (UnsatisfiedLinkError e) {
            throw new DeviceException("libtorch does not link with DJL's JNI ("
                    + Causes.of(e) + "): PYTORCH_LIBRARY_PATH must name an unpacked libtorch "
                    + ExternalLibtorch.VERSION + " whose flavor matches PYTORCH_FLAVOR (cpu or"
                    + " cu128) (README, \"GPU\").", e);
        } catch (EngineException | IllegalArgumentException e) {
            throw new DeviceException("cannot load PyTorch's native library ("
                    + Causes.of(e) + "). A build with -Dgpu bundles no libtorch: set"
                    + " PYTORCH_LIBRARY_PATH to an unpacked libtorch 2.7.1 (README, \"GPU\"), or"
                    + " build without -Dgpu to use the bundled CPU one.", e);
        }
    }
}
