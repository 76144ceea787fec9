package org.linearmodels.engine;

import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps libtorch's per-step buffers in glibc's heap. A T4 step allocates and frees a 313 KB
 * batch; glibc serves blocks that size with a fresh mmap each time, so every step pays for
 * mapping and faulting in 77 new pages. Raising the mmap and trim thresholds lets freed blocks
 * be reused: T4 trains in 1.05 s with them, 1.67 s without (bench/ab, docs/PERFORMANCE.md).
 * These are the documented MALLOC_MMAP_THRESHOLD_ and MALLOC_TRIM_THRESHOLD_ settings, made
 * from Java so that every way of starting a command gets them, and only a command's process
 * ({@link PyTorch#tuneProcessForCommand}): another program's heap is its own to tune.
 */
final class NativeHeap {

    private static final Logger logger = LoggerFactory.getLogger(NativeHeap.class);

    /** glibc's mallopt parameters (malloc.h). */
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_THRESHOLD = -3;
    /** Blocks below this come from the heap; 32 MB is glibc's own ceiling for the threshold. */
    private static final int MMAP_THRESHOLD = 32 << 20;
    /** Free heap kept before it is returned to the system. */
    private static final int TRIM_THRESHOLD = 256 << 20;

    /** How many times this process has applied the settings: 0 before the first call, then 1. */
    private static final AtomicInteger applied = new AtomicInteger();

    private NativeHeap() {}

    /**
     * Applies the settings on glibc systems, once per process. Elsewhere, or if the user set
     * them, does nothing.
     */
    static void keepBuffersInHeap() {
        if (applied.get() == 0) {
            synchronized (NativeHeap.class) {
                if (applied.get() == 0) {
                    apply();
                    applied.incrementAndGet();
                }
            }
        }
    }

    /** How many times the settings were applied in this process (for tests): at most 1. */
    static int timesApplied() {
        return applied.get();
    }

    private static void apply() {
        if (!System.getProperty("os.name").startsWith("Linux")
                || System.getenv("MALLOC_MMAP_THRESHOLD_") != null) {
            return;
        }
        try {
            Libc c = Libc.load();
            if (c.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) != 1
                    || c.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD) != 1) {
                logger.debug("mallopt refused the heap settings; libtorch runs with glibc's");
            }
        } catch (UnsatisfiedLinkError e) {
            logger.debug("no glibc mallopt here ({}); libtorch runs with the default heap",
                    e.getMessage());
        }
    }
}
