package org.linearmodels.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import javax.imageio.IIOException;
import org.junit.jupiter.api.Test;
import org.linearmodels.errors.OutputException;

/** How a failed write reads: an output failure, the file, and the system's reason in its words. */
class WriteFailureTest {

    @Test
    void aFullDiskIsAnOutputFailureInTheSystemsWords() {
        OutputException e = WriteFailure.of(Path.of("out", "training.png"),
                new IOException("No space left on device"), "Make room.");
        assertEquals("cannot write " + Path.of("out", "training.png").toAbsolutePath()
                + ": No space left on device. Make room.", e.getMessage());
    }

    @Test
    void reasonsNeverNameJavaClasses() {
        assertEquals("No space left on device", WriteFailure.reason(new IIOException(
                "I/O error writing PNG file!", new IOException("No space left on device"))));
        assertEquals("Read-only file system", WriteFailure.reason(
                new FileSystemException("/m/x", null, "Read-only file system")));
        assertEquals("Permission denied", WriteFailure.reason(new AccessDeniedException("/m/x")));
        assertEquals("No such file or directory",
                WriteFailure.reason(new NoSuchFileException("/m/x")));
        assertEquals("the file system refused it",
                WriteFailure.reason(new FileSystemException("/m/x")));
        assertEquals("input/output error", WriteFailure.reason(new IOException()));
    }

    @Test
    void aFullOrReadOnlyDiskIsTheOutputsFaultWhateverTheOperation() {
        assertTrue(WriteFailure.isOutOfRoom(new IOException("download failed",
                new IOException("No space left on device"))));
        assertTrue(WriteFailure.isOutOfRoom(
                new FileSystemException("/c", null, "Read-only file system")));
        assertTrue(WriteFailure.isOutOfRoom(new IOException("Disk quota exceeded")));
        assertFalse(WriteFailure.isOutOfRoom(new IOException("Connection refused")));
        assertFalse(WriteFailure.isOutOfRoom(new NoSuchFileException("/c")));
    }
}
