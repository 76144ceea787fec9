package org.linearmodels;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A tmpfs mounted on a test's directory: a disk that is full after a few kilobytes, or
 * read-only even for root, which ignores permission bits. Mounting needs root (or a user
 * namespace); where it fails, the test that asked is skipped, saying why.
 */
public final class TinyDisk implements AutoCloseable {

    private final Path mountPoint;

    private TinyDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** Mounts a tmpfs with {@code options} (e.g. {@code size=64k}, {@code ro}) on a new dir. */
    public static TinyDisk mount(Path mountPoint, String options)
            throws IOException, InterruptedException {
        Files.createDirectories(mountPoint);
        String output = run("mount", "-t", "tmpfs", "-o", options, "tmpfs",
                mountPoint.toString());
        assumeTrue(output == null, "cannot mount a tmpfs here (root only): " + output);
        return new TinyDisk(mountPoint);
    }

    public Path path() {
        return mountPoint;
    }

    /** Unmounts, lazily: a file a failed run left open must not keep the disk mounted. */
    @Override
    public void close() throws IOException, InterruptedException {
        String output = run("umount", "-l", mountPoint.toString());
        if (output != null) {
            throw new IOException("umount " + mountPoint + ": " + output);
        }
    }

    /** Runs a command; null when it succeeds, else what it printed. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return e.getMessage();  // no such program
        }
        String output = new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8).strip();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return command[0] + " did not finish";
        }
        return process.exitValue() == 0 ? null : command[0] + " exit " + process.exitValue()
                + ": " + output;
    }
}
