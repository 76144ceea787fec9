package org.rapaio.jupyter.kernel.channels;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stands in for rapaio-jupyter-kernel 3.0.1's class of this name: notebooks/setup.sh compiles it
 * and puts it ahead of the kernel's jar. That class has two start-up races that left a kernel
 * which never answers, one start in four on a busy machine. It sets its running flag only after
 * Thread.start(), so a channel thread scheduled at once reads false and ends; and its threads
 * start before the kernel registers its message handlers, so a request that arrives first throws
 * a NullPointerException, which ended the thread. Here the flag is set before the thread starts,
 * and a loop body that throws is logged and the loop goes on: Jupyter asks for kernel_info again
 * each second until it is answered.
 */
public final class LoopThread extends Thread {

    private static final Logger LOGGER = Logger.getLogger(LoopThread.class.getSimpleName());

    private volatile boolean running = false;
    private final long sleep;
    private final Runnable loopBody;

    public LoopThread(String name, long sleep, Runnable loopBody) {
        super(name);
        this.sleep = sleep;
        this.loopBody = loopBody;
    }

    @Override
    public void run() {
        while (running) {
            try {
                loopBody.run();
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOGGER.log(Level.WARNING, getName() + " goes on after: " + e, e);
            }
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                running = false;
                return;
            }
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        super.start();
    }

    public void shutdown() {
        running = false;
    }
}
