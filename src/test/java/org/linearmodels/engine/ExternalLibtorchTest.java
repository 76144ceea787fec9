package org.linearmodels.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linearmodels.MnistLogistic;
import org.linearmodels.cli.ExitCode;
import org.linearmodels.errors.DeviceException;

/**
 * The external-libtorch path, tested on CPU: the CPU libtorch 2.7.1 is unpacked from the Maven
 * jar into a folder, and T4 runs in a child JVM whose class path lacks that jar (what a
 * {@code -Dgpu} build leaves out) with {@code PYTORCH_LIBRARY_PATH} set, no
 * {@code PYTORCH_FLAVOR} and an empty DJL cache, as a CUDA user's run would; and a program that
 * uses the library the same way.
 */
class ExternalLibtorchTest {

    private static final String NATIVE_JAR = "pytorch-native-cpu";

    @TempDir
    static Path temp;

    private static Path lib;
    private static String classPath;

    @BeforeAll
    static void unpackLibtorch() throws IOException {
        String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
        String jar = Arrays.stream(entries).filter(e -> e.contains(NATIVE_JAR)).findFirst()
                .orElseThrow(() -> new AssertionError(NATIVE_JAR + " is not on the class path"));
        classPath = Arrays.stream(entries).filter(e -> !e.contains(NATIVE_JAR))
                .collect(Collectors.joining(File.pathSeparator));
        lib = temp.resolve("libtorch/lib");
        Files.createDirectories(lib);
        String prefix = "pytorch/cpu/linux-x86_64/";
        try (ZipFile zip = new ZipFile(jar)) {
            for (ZipEntry entry : zip.stream().toList()) {
                if (entry.getName().startsWith(prefix) && !entry.isDirectory()) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, lib.resolve(entry.getName().substring(prefix.length())),
                                StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    private static Result run(Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        return run(MnistLogistic.class, env, args);
    }

    private static Result run(Class<?> main, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, main.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(temp, "out", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        builder.environment().remove("PYTORCH_FLAVOR");
        builder.environment().remove("PYTORCH_LIBRARY_PATH");
        builder.environment().put("DJL_CACHE_DIR", Files.createTempDirectory(temp, "djl")
                .toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(main.getSimpleName() + " did not finish in five minutes");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }

    private record Result(int code, String out) {}

    @Test
    void tutorialFourTrainsOnTheUsersOwnLibtorch() throws Exception {
        Result result = run(Map.of("PYTORCH_LIBRARY_PATH", lib.toString()),
                "--output-dir", temp.resolve("t4").toString(), "--device", "cpu");
        assertEquals(0, result.code(), result.out());
        assertTrue(result.out().contains(
                "Accuracy of the model on the 10000 test images: 82.50 %"), result.out());
    }

    /** A command sets PYTORCH_FLAVOR in its own process; another program is told to. */
    @Test
    void aProgramUsingTheLibraryIsToldToSetTheFlavorAndKeepsItsProperties() throws Exception {
        Result told = run(UsesTheEngine.class, Map.of("PYTORCH_LIBRARY_PATH", lib.toString()));
        assertEquals(0, told.code(), told.out());
        assertTrue(told.out().contains(" is set and PYTORCH_FLAVOR is not, so DJL 0.35.1 would"
                + " look for a JNI library its jar lacks: set PYTORCH_FLAVOR=cpu before the engine"
                + " loads (docs/gpu.md)."), told.out());
        assertTrue(told.out().endsWith("PYTORCH_FLAVOR property: null\n"), told.out());

        Result set = run(UsesTheEngine.class, Map.of("PYTORCH_LIBRARY_PATH", lib.toString(),
                "PYTORCH_FLAVOR", "cpu"));
        assertEquals(0, set.code(), set.out());
        assertTrue(set.out().startsWith("PyTorch " + ExternalLibtorch.VERSION + "\n"), set.out());
    }

    /** A program that uses the library, not a command: asks for the engine, prints the result. */
    public static final class UsesTheEngine {
        public static void main(String[] args) {
            try {
                System.out.println("PyTorch " + PyTorch.engine().getVersion());
            } catch (DeviceException e) {
                System.out.println("error: " + e.getMessage());
            }
            System.out.println("PYTORCH_FLAVOR property: " + System.getProperty("PYTORCH_FLAVOR"));
        }
    }

    @Test
    void aFolderWithoutLibtorchIsOneLineNamingTheFix() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        Result result = run(Map.of("PYTORCH_LIBRARY_PATH", empty.toString()), "--limit", "100");
        assertEquals(ExitCode.DEVICE.code(), result.code(), result.out());
        assertTrue(result.out().strip().endsWith("holds no libtorch.so: point it at the lib"
                + " folder of an unpacked libtorch 2.7.1 (docs/gpu.md), or unset it to use"
                + " the bundled CPU one."), result.out());
    }

    @Test
    void aFlavorWithoutJniAndAnotherVersionAreRefused() throws Exception {
        Result flavor = run(Map.of("PYTORCH_LIBRARY_PATH", lib.toString(),
                "PYTORCH_FLAVOR", "cu121-precxx11"), "--limit", "100");
        assertEquals(ExitCode.DEVICE.code(), flavor.code(), flavor.out());
        assertTrue(flavor.out().contains("set PYTORCH_FLAVOR=cpu (or unset it)."), flavor.out());

        Path other = Files.createDirectories(temp.resolve("other/lib"));
        Files.createLink(other.resolve("libtorch.so"), lib.resolve("libtorch.so"));
        Files.writeString(other.getParent().resolve("build-version"), "2.5.1+cpu\n");
        Result version = run(Map.of("PYTORCH_LIBRARY_PATH", other.toString()), "--limit", "100");
        assertEquals(ExitCode.DEVICE.code(), version.code(), version.out());
        assertTrue(version.out().contains("is libtorch 2.5.1+cpu, but DJL 0.35.1's JNI is built"
                + " for libtorch 2.7.1"), version.out());
    }
}
