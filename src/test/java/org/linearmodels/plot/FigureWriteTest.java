package org.linearmodels.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linearmodels.TinyDisk;
import org.linearmodels.errors.OutputException;

/**
 * A chart that cannot be written is one {@link OutputException}, and nothing on standard
 * error: ImageIO, given a file it cannot create, printed a 30-line stack trace by itself.
 */
class FigureWriteTest {

    @TempDir
    Path temp;

    private static void assertRefusedSilently(Path dir, String reason) {
        Path file = dir.resolve("chart.png");
        PrintStream original = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        OutputException e;
        try {
            System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
            e = assertThrows(OutputException.class, () -> Figure.writePng(
                    new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), file));
        } finally {
            System.setErr(original);
        }
        assertEquals("cannot write " + file + ": " + reason + ". Make room or choose another"
                + " --output-dir.", e.getMessage());
        assertEquals("", printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aReadOnlyFileSystemIsOneQuietError() throws Exception {
        try (TinyDisk disk = TinyDisk.mount(temp.resolve("disk"), "ro,size=64k")) {
            assertRefusedSilently(disk.path(), "Read-only file system");
        }
    }

    @Test
    void aReadOnlyDirectoryIsOneQuietError() throws Exception {
        Path dir = Files.createDirectory(temp.resolve("read-only"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(dir), "root writes into read-only directories");
            assertRefusedSilently(dir, "Permission denied");
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
