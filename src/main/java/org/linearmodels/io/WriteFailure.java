package org.linearmodels.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import org.linearmodels.errors.OutputException;

/**
 * A write that failed (a full disk, a read-only file system, a directory made read-only
 * meanwhile) as the {@link OutputException} it is: one line naming the file and the system's
 * reason, the words {@code strerror} gives rather than a Java exception's class name.
 */
public final class WriteFailure {

    /** strerror's words for ENOSPC, EDQUOT, EFBIG and EROFS. */
    private static final List<String> OUT_OF_ROOM = List.of("No space left on device",
            "Disk quota exceeded", "File too large", "Read-only file system");

    private WriteFailure() {}

    /**
     * The error for {@code e}, raised while writing {@code path}; {@code advice} ends the line
     * (what is left intact, what to do).
     */
    public static OutputException of(Path path, IOException e, String advice) {
        return new OutputException("cannot write " + path.toAbsolutePath() + ": "
                + reason(e) + ". " + advice, e);
    }

    /**
     * Whether {@code e} says the disk has no room for what was written, or refuses all writes:
     * a fault of where the output goes, whatever else the operation was doing.
     */
    public static boolean isOutOfRoom(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String text = t instanceof FileSystemException fs ? fs.getReason() : t.getMessage();
            if (text != null && OUT_OF_ROOM.stream().anyMatch(text::contains)) {
                return true;
            }
        }
        return false;
    }

    /** Why {@code e} failed, in the system's words, e.g. "No space left on device". */
    public static String reason(IOException e) {
        if (e.getCause() instanceof IOException cause) {
            return reason(cause);  // e.g. the PNG writer's "I/O error writing PNG file!" around it
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        // NIO leaves the reason out of these and says it with the class instead.
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (e instanceof NotDirectoryException) {
            return "Not a directory";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "Directory not empty";
        }
        if (e instanceof FileSystemException) {
            return "the file system refused it";  // its message is only the file's name
        }
        if (e.getMessage() != null && !e.getMessage().isBlank()) {
            return e.getMessage();
        }
        return "input/output error";
    }
}
