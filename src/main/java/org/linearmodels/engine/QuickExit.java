package org.linearmodels.engine;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spares the process's exit libtorch's static destructors, which unregister every operator
 * kernel one by one: about 90 ms on the JVM's last thread after a T4 run, with nothing to save
 * (Python pays about 0.2 s for the same at its exit). Registered with glibc's {@code on_exit}
 * once libtorch is loaded, {@code _exit} runs before the handlers registered earlier, libtorch's
 * among them, with the exit status the JVM passed; the JVM's own exit (shutdown hooks, flight
 * recordings, its perf map) has finished by then, and every file this project writes is forced
 * to disk when written. Only in a command's process ({@link PyTorch#tuneProcessForCommand}): in
 * another program's it would skip that program's own exit handlers and C stdio's flush.
 */
final class QuickExit {

    private static final Logger logger = LoggerFactory.getLogger(QuickExit.class);

    private static final AtomicBoolean registered = new AtomicBoolean();

    private QuickExit() {}

    /** Whether this process asked for the handler (for tests). */
    static boolean registered() {
        return registered.get();
    }

    /**
     * Registers the handler on glibc systems, once per process; elsewhere, or if that fails,
     * does nothing.
     */
    static void afterLibtorchLoads() {
        if (!System.getProperty("os.name").startsWith("Linux")
                || !registered.compareAndSet(false, true)) {
            return;
        }
        try {
            // on_exit calls its handler as handler(status, arg): _exit(status), arg ignored
            if (Libc.load().on_exit(Libc.function("_exit"), null) != 0) {
                logger.debug("on_exit refused the handler; libtorch's destructors run at exit");
            }
        } catch (UnsatisfiedLinkError e) {
            logger.debug("no glibc on_exit here ({}); libtorch's destructors run at exit",
                    e.getMessage());
        }
    }
}
