package org.linearmodels.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linearmodels.ChildJvm;

/**
 * The manifests read and write with the Gson that IJava 1.3.0 bundles unrelocated (2.8.5, from
 * before Gson supported records) ahead of the project's, as IJava's notebook class loader sees
 * them. The pom copies that jar, and IJava's commons-lang3, into target/kernel-libraries.
 */
class OlderGsonTest {

    private static final Path KERNEL_LIBRARIES = Path.of("target", "kernel-libraries");

    @TempDir
    Path temp;

    @Test
    void committedManifestsRoundTripWithGson285First() throws Exception {
        Path gson = KERNEL_LIBRARIES.resolve("gson-2.8.5.jar");
        Path lang3 = KERNEL_LIBRARIES.resolve("commons-lang3-3.8.1.jar");
        assertTrue(Files.isRegularFile(gson) && Files.isRegularFile(lang3),
                "run through Maven, which copies them: ./mvnw verify");
        String classPath = String.join(File.pathSeparator, gson.toString(), lang3.toString(),
                System.getProperty("java.class.path"));
        ChildJvm.Exit exit = ChildJvm.run(temp, List.of(), classPath, ManifestRoundTrip.class,
                "models", temp.resolve("written").toString());
        assertTrue(exit.out().contains("gson-2.8.5.jar"), "the child ran on Gson 2.8.5\n"
                + exit.out());
        assertEquals(0, exit.code(), exit.out() + String.join("\n", exit.err()));
        assertTrue(exit.out().contains("all manifests round-trip"), exit.out());
    }

    @Test
    void committedManifestsRoundTripWithTheProjectsGson() throws Exception {
        ChildJvm.Exit exit = ChildJvm.run(temp, List.of(), ManifestRoundTrip.class,
                "models", temp.resolve("written").toString());
        assertEquals(0, exit.code(), exit.out() + String.join("\n", exit.err()));
        assertTrue(exit.out().contains("all manifests round-trip"), exit.out());
    }
}
