package org.linearmodels.train;

import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListenerAdapter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the process's resident memory (and its peak) and the Java heap in use after every epoch,
 * so a long run shows whether native memory stays flat.
 */
public final class MemoryLog extends TrainingListenerAdapter {

    private static final Logger logger = LoggerFactory.getLogger(MemoryLog.class);
    private static final Path STATUS = Path.of("/proc/self/status");

    private final History history;
    private final int epochs;

    /** Logs after each of {@code history}'s epochs, the last being {@code epochs}. */
    public MemoryLog(History history, int epochs) {
        this.history = history;
        this.epochs = epochs;
    }

    @Override
    public void onEpoch(Trainer trainer) {
        log(history.last().epoch(), epochs);
    }

    /** Logs the memory in use after {@code epoch} of {@code epochs}. */
    private static void log(int epoch, int epochs) {
        Runtime runtime = Runtime.getRuntime();
        double heap = (runtime.totalMemory() - runtime.freeMemory()) / 1048576.0;
        // The committed heap shows how much of resident memory is the JVM growing its heap.
        logger.info(String.format(Locale.ROOT,
                "Epoch %d/%d: resident memory %.1f MB (peak %.1f MB), Java heap %.1f MB used"
                        + " of %.1f MB committed", epoch, epochs,
                kilobytes("VmRSS:") / 1024.0, kilobytes("VmHWM:") / 1024.0, heap,
                runtime.totalMemory() / 1048576.0));
    }

    /** A line of /proc/self/status in kB; -1 where there is none (not Linux). */
    public static long kilobytes(String field) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").strip());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
