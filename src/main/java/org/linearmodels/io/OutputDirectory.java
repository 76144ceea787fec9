package org.linearmodels.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.linearmodels.errors.OutputException;

/**
 * A directory a command writes its results into, checked before the long work rather than
 * found unwritable after it. {@link #requireWritable} creates it and writes (then removes) a
 * small file in it: permission bits cannot tell, since root ignores them and neither a
 * read-only mount nor a full disk shows in them. {@link #claim} also locks it for the run, so
 * that a second run into the same directory refuses at once instead of deleting the first
 * one's half-saved checkpoint. The lock is on {@value #LOCK_FILE}, which stays in place:
 * deleting it would let a third run lock a new file while a second still holds the old one.
 */
public final class OutputDirectory implements AutoCloseable {

    /** The file the lock is taken on; it holds the process id of the run that holds it. */
    public static final String LOCK_FILE = ".run.lock";

    /** What the probe writes: enough to reach the disk, little enough to leave no trace. */
    private static final int PROBE_BYTES = 4096;

    private final FileChannel channel;

    private OutputDirectory(FileChannel channel) {
        this.channel = channel;
    }

    /**
     * Makes sure {@code directory} can be written ({@link #requireWritable}) and locks it until
     * {@link #close} or the end of the process; a directory another process (or this one)
     * holds is refused with an {@link OutputException}. {@code flag} names it in the errors.
     */
    public static OutputDirectory claim(Path directory, String flag) {
        Path dir = requireWritable(directory, flag);
        Path lockFile = dir.resolve(LOCK_FILE);
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw WriteFailure.of(lockFile, e, "Choose another " + flag + ".");
        }
        try {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = holder(lockFile);
                throw new OutputException(dir + " is in use by another run"
                        + (holder.isEmpty() ? "" : " (pid " + holder + ")") + "; wait for it or"
                        + " choose another " + flag + ".");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n")
                    .getBytes(StandardCharsets.US_ASCII)), 0);
            return new OutputDirectory(channel);
        } catch (IOException e) {
            closeQuietly(channel);
            throw WriteFailure.of(lockFile, e, "Choose another " + flag + ".");
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /**
     * Creates {@code directory} if need be and proves that files can be written in it, or
     * throws an {@link OutputException} naming it, the reason, and {@code flag} to change.
     *
     * @return the directory as an absolute path
     */
    public static Path requireWritable(Path directory, String flag) {
        Path dir = directory.toAbsolutePath().normalize();
        String fix = "Choose another " + flag + ".";
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new OutputException("cannot write in " + dir + ": it is a file,"
                    + " not a directory. " + fix);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            Path file = fileAbove(dir);
            throw new OutputException("cannot create " + dir + ": "
                    + (file != null ? file + " is a file, not a directory"
                            : WriteFailure.reason(e)) + ". " + fix, e);
        }
        Path probe = dir.resolve(".write-probe-" + UUID.randomUUID() + ".tmp");
        try (FileChannel written = FileChannel.open(probe, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.allocate(PROBE_BYTES);
            while (bytes.hasRemaining()) {
                written.write(bytes);
            }
            written.force(true);
        } catch (IOException e) {
            throw new OutputException("cannot write in " + dir + ": "
                    + WriteFailure.reason(e) + ". " + fix, e);
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException e) {
                // a probe that cannot be removed was never created, or the next write says why
            }
        }
        return dir;
    }

    /** Releases the lock; the process's end releases it too. */
    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;  // this process holds it already, through another channel
        }
    }

    /** The process id the lock file names, or "" when it names none (yet). */
    private static String holder(Path lockFile) {
        try {
            String text = Files.readString(lockFile, StandardCharsets.US_ASCII).strip();
            return text.matches("[0-9]{1,19}") ? text : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** The nearest existing ancestor of {@code dir} if it is a file, which blocks creating it. */
    private static Path fileAbove(Path dir) {
        for (Path above = dir.getParent(); above != null; above = above.getParent()) {
            if (Files.exists(above)) {
                return Files.isDirectory(above) ? null : above;
            }
        }
        return null;
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing only releases the lock, which the process's end releases as well
        }
    }
}
