package org.linearmodels.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linearmodels.TinyDisk;
import org.linearmodels.errors.OutputException;

/** The check and the lock a command takes on its output directory before the long work. */
class OutputDirectoryTest {

    @TempDir
    Path temp;

    private static OutputException refused(Path dir) {
        OutputException e = assertThrows(OutputException.class,
                () -> OutputDirectory.requireWritable(dir, "--output-dir"));
        assertTrue(!e.getMessage().contains("Exception"), e.getMessage());
        return e;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aRegularFileIsNoDirectory() throws IOException {
        Path file = Files.writeString(temp.resolve("file"), "x");
        assertEquals("cannot write in " + file + ": it is a file, not a directory. Choose"
                + " another --output-dir.", refused(file).getMessage());
    }

    @Test
    void aDirectoryUnderARegularFileCannotBeCreated() throws IOException {
        Path file = Files.writeString(temp.resolve("file"), "x");
        assertEquals("cannot create " + file.resolve("a/b") + ": " + file
                + " is a file, not a directory. Choose another --output-dir.",
                refused(file.resolve("a/b")).getMessage());
    }

    @Test
    void aReadOnlyDirectoryIsRefused() throws IOException {
        Path dir = Files.createDirectory(temp.resolve("read-only"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(dir), "root writes into read-only directories");
            assertEquals("cannot write in " + dir + ": Permission denied. Choose"
                    + " another --output-dir.", refused(dir).getMessage());
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aReadOnlyFileSystemIsRefusedEvenForRoot() throws Exception {
        try (TinyDisk disk = TinyDisk.mount(temp.resolve("disk"), "ro,size=64k")) {
            assertEquals("cannot write in " + disk.path() + ": Read-only file"
                    + " system. Choose another --output-dir.", refused(disk.path()).getMessage());
            assertEquals("cannot create " + disk.path().resolve("run") + ": Read-only"
                    + " file system. Choose another --output-dir.",
                    refused(disk.path().resolve("run")).getMessage());
        }
    }

    @Test
    void theProbeLeavesNothingAndTheLockOnlyItsFile() throws IOException {
        Path dir = temp.resolve("new/dir");
        assertEquals(dir, OutputDirectory.requireWritable(dir, "--output-dir"));
        assertEquals(List.of(), names(dir));
        try (OutputDirectory claimed = OutputDirectory.claim(dir, "--output-dir")) {
            assertEquals(List.of(OutputDirectory.LOCK_FILE), names(dir));
            assertEquals(ProcessHandle.current().pid() + "\n",
                    Files.readString(dir.resolve(OutputDirectory.LOCK_FILE)));
        }
    }

    @Test
    void aClaimedDirectoryIsRefusedUntilReleased() {
        Path dir = temp.resolve("out");
        try (OutputDirectory first = OutputDirectory.claim(dir, "--output-dir")) {
            OutputException e = assertThrows(OutputException.class,
                    () -> OutputDirectory.claim(dir, "--output-dir"));
            assertEquals(dir + " is in use by another run (pid " + ProcessHandle.current().pid()
                    + "); wait for it or choose another --output-dir.", e.getMessage());
        }
        OutputDirectory.claim(dir, "--output-dir").close();
    }
}
