package org.linearmodels.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * scripts/need-debian-packages run as an unprivileged user (nobody, through setpriv), as the
 * test command runs on a machine where the packages are already there: it must need no root and
 * no sudo then, and say what to run as root when a package is missing.
 */
class NeedDebianPackagesTest {

    private static final Path SCRIPT = Path.of("scripts/need-debian-packages").toAbsolutePath();

    @BeforeAll
    static void canDropToNobody() throws Exception {
        Process id = new ProcessBuilder("id", "-u").start();
        assumeTrue(id.waitFor(10, TimeUnit.SECONDS) && new String(id.getInputStream()
                .readAllBytes(), StandardCharsets.US_ASCII).strip().equals("0"),
                "runs as root, to drop to nobody");
        assumeTrue(new File("/usr/bin/setpriv").canExecute(), "needs util-linux's setpriv");
        try (var lists = Files.newDirectoryStream(Path.of("/var/lib/apt/lists"), "*_Packages*")) {
            assumeTrue(lists.iterator().hasNext(), "needs apt's package lists");
        }
    }

    private record Result(int code, List<String> err) {}

    /** The script, read on standard input (nobody may not reach the checkout), as nobody. */
    private static Result asNobody(String... packages) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/setpriv", "--reuid=65534",
                "--regid=65534", "--clear-groups", "env", "PATH=/usr/bin:/bin", "bash", "-s",
                "--"));
        command.addAll(List.of(packages));
        Process script = new ProcessBuilder(command).directory(new File("/"))
                .redirectInput(SCRIPT.toFile()).start();
        assertTrue(script.waitFor(60, TimeUnit.SECONDS), "the script finished");
        return new Result(script.exitValue(), new String(script.getErrorStream().readAllBytes(),
                StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void packagesThatAreThereNeedNoRoot() throws Exception {
        // Debian keeps its lists as *_Packages.lz4: the script took them for missing and ran
        // "sudo apt-get update", which a user without sudo met as "sudo: command not found".
        Result result = asNobody("bash", "coreutils");
        assertEquals(0, result.code(), String.join("\n", result.err()));
        assertEquals(List.of(), result.err());
    }

    @Test
    void aMissingPackageSaysWhatToRunAsRoot() throws Exception {
        Result result = asNobody("bash", "no-such-package-in-debian");
        assertEquals(1, result.code(), String.join("\n", result.err()));
        assertEquals("error: the Debian packages no-such-package-in-debian are missing, and that"
                + " needs root: run 'apt-get install -y -qq no-such-package-in-debian' as root (or"
                + " give this user sudo without a password), then run this again.",
                result.err().get(result.err().size() - 1));
    }
}
