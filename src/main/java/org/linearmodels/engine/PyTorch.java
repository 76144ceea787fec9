package org.linearmodels.engine;

import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.pytorch.jni.JniUtils;
import org.linearmodels.errors.Causes;
import org.linearmodels.errors.DeviceException;

/** The one engine this project runs on, loaded with an error that says what to do. */
public final class PyTorch {

    public static final String NAME = "PyTorch";

    /** Whether this process is one of the project's commands, which may tune it. */
    private static volatile boolean command;
    private static volatile Engine engine;

    private PyTorch() {}

    /**
     * Lets the engine's load tune the whole process for a command's run: glibc's heap
     * ({@link NativeHeap}), an exit without libtorch's teardown ({@link QuickExit}) and
     * PYTORCH_FLAVOR for a user's libtorch ({@link ExternalLibtorch}). Only a command's entry
     * calls this, before the engine loads: a program that uses the library keeps its
     * process's heap, exit handlers and system properties as they were.
     */
    public static void tuneProcessForCommand() {
        command = true;
    }

    /**
     * Sets libtorch's intra-op threads for this process. DJL starts as many as there are cores;
     * one is faster for the tutorials' batches of 100 rows, whose ops are too small for the
     * fork and join of a second thread to pay (docs/PERFORMANCE.md).
     */
    public static void useThreads(int threads) {
        engine();
        JniUtils.setNumThreads(threads);
    }

    /**
     * DJL's PyTorch engine. The first call checks the libtorch to load and loads it; the
     * training loops ask for it every step, and every later call only reads a field.
     */
    public static Engine engine() {
        Engine loaded = engine;
        return loaded != null ? loaded : load();
    }

    private static synchronized Engine load() {
        if (engine != null) {
            return engine;
        }
        try {
            if (command) {
                NativeHeap.keepBuffersInHeap();
            }
            ExternalLibtorch.prepare(command);
            Engine loaded = Engine.getEngine(NAME);
            if (command) {
                QuickExit.afterLibtorchLoads();
            }
            engine = loaded;
            return loaded;
        } catch (UnsatisfiedLinkError e) {
            throw new DeviceException("libtorch does not link with DJL's JNI ("
                    + Causes.of(e) + "): PYTORCH_LIBRARY_PATH must name an unpacked libtorch "
                    + ExternalLibtorch.VERSION + " whose flavor matches PYTORCH_FLAVOR (cpu or"
                    + " cu128) (docs/gpu.md).", e);
        } catch (EngineException | IllegalArgumentException e) {
            throw new DeviceException("cannot load PyTorch's native library ("
                    + Causes.of(e) + "). A build with -Dgpu bundles no libtorch: set"
                    + " PYTORCH_LIBRARY_PATH to an unpacked libtorch 2.7.1 (docs/gpu.md), or"
                    + " build without -Dgpu to use the bundled CPU one.", e);
        }
    }
}
