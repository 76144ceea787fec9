package org.linearmodels.data;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The cache's lock across processes: a fetch runs holding an exclusive lock on
 * {@code .fetch.lock} in the cache's root, so a second process fetching at the same time waits
 * for the first and then finds the data in place.
 */
final class FetchLock {

    /** What runs under the lock. */
    @FunctionalInterface
    interface Locked {
        void run() throws IOException;
    }

    private FetchLock() {}

    /** Runs {@code action} holding the lock of the cache in {@code root}. */
    static void holding(Path root, Locked action) throws IOException {
        Files.createDirectories(root);
        try (FileChannel lockFile = FileChannel.open(root.resolve(".fetch.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = lockFile.lock();
            try {
                action.run();
            } finally {
                lock.release();
            }
        }
    }
}
