package org.linearmodels.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linearmodels.model.Manifest;

/**
 * ./run called from another directory: the paths typed there resolve there, as in any command
 * line, while the defaults that name the checkout's files (models/...) still find them. It runs
 * the real script in a stand-in checkout whose build is this test's, so it never compiles.
 */
class RunScriptTest {

    @TempDir
    Path temp;

    /** What ./run printed and how it exited. */
    private record Exit(int code, String out, String err) {}

    @Test
    void relativePathsResolveInTheCallersDirectoryAndDefaultsInTheCheckout() throws Exception {
        Path checkout = standInCheckout(temp.resolve("checkout"));
        Path caller = Files.createDirectories(temp.resolve("elsewhere"));
        Files.copy(Path.of("docs", "digit.png"), caller.resolve("digit.png"));

        Exit trained = run(checkout, caller, "LinearRegression", "--epochs", "2",
                "--output-dir", "out");
        assertEquals(0, trained.code(), trained.err());
        assertTrue(Files.isRegularFile(caller.resolve("out").resolve(Manifest.FILE_NAME)),
                "the model is where the caller said");
        assertFalse(Files.exists(checkout.resolve("out")), "nothing landed in the checkout");

        // digit.png is the caller's; the model is the default, models/mnist-logistic
        Exit predicted = run(checkout, caller, "MnistPredictor", "digit.png");
        assertEquals(0, predicted.code(), predicted.err());
        assertTrue(predicted.out().startsWith("digit.png: "), predicted.out());
    }

    @Test
    void classesComeFromTheSharedArchiveMadeOnceABuildAndADamagedOneIsIgnored()
            throws Exception {
        Path checkout = standInCheckout(temp.resolve("checkout"));
        Files.createSymbolicLink(checkout.resolve("scripts"), Path.of("scripts").toAbsolutePath());
        // the JVM archives classes from jars only: the checkout's class path lists jars, as
        // Maven's does, and its own classes are jarred by scripts/app-cds
        Path stamp = checkout.resolve("target").resolve("classpath.txt");
        Files.writeString(stamp, Arrays.stream(Files.readString(stamp).split(File.pathSeparator))
                .filter(p -> p.endsWith(".jar")).collect(Collectors.joining(File.pathSeparator)));
        Map<String, String> logClasses = Map.of("JAVA_OPTS", "-Xlog:class+load=info");

        Exit first = run(checkout, checkout, "LinearRegression", "--version");
        assertEquals(0, first.code(), first.err());
        Path archive = checkout.resolve("target").resolve("app-cds.jsa");
        assertTrue(Files.isRegularFile(archive), "the archive is made on the first run");
        Exit shared = run(checkout, checkout, logClasses, "LinearRegression", "--version");
        assertEquals(0, shared.code(), shared.err());
        long loaded = shared.out().lines().filter(RunScriptTest::ours).count();
        assertTrue(loaded > 40 && sharedClasses(shared) > 0.75 * loaded,
                sharedClasses(shared) + " of " + loaded + " classes shared");

        Exit without = run(checkout, checkout,
                Map.of("JAVA_OPTS", "-Xlog:class+load=info", "LINEARMODELS_CDS", "0"),
                "LinearRegression", "--version");
        assertEquals(0, without.code(), without.err());
        assertEquals(0, sharedClasses(without));

        FileTime made = Files.getLastModifiedTime(archive);
        Files.delete(archive);
        Files.setLastModifiedTime(Files.writeString(archive, "not an archive"), made);
        Exit damaged = run(checkout, checkout, logClasses, "LinearRegression", "--version");
        assertEquals(0, damaged.code(), damaged.err());
        assertTrue(damaged.out().contains("DJL "), damaged.out());
        assertEquals(0, sharedClasses(damaged));
    }

    @Test
    void eachCommandStartsWithItsOwnJvmOptionsAndJavaOptsOverridesThem() throws Exception {
        Path checkout = standInCheckout(temp.resolve("checkout"));
        Map<String, String> flags = Map.of("JAVA_OPTS", "-XX:+PrintFlagsFinal",
                "LINEARMODELS_CDS", "0");
        Exit training = run(checkout, checkout, flags, "LinearRegression", "--version");
        assertEquals(0, training.code(), training.err());
        assertEquals("1", flag(training, "TieredStopAtLevel"), "C1 alone for a short run");
        Exit server = run(checkout, checkout, flags, "Serve", "--version");
        assertEquals(0, server.code(), server.err());
        assertEquals("4", flag(server, "TieredStopAtLevel"), "C2 for the server");
        assertEquals("true", flag(server, "UseSerialGC"));
        Exit overridden = run(checkout, checkout, Map.of("JAVA_OPTS",
                "-XX:+PrintFlagsFinal -XX:TieredStopAtLevel=2", "LINEARMODELS_CDS", "0"),
                "Serve", "--version");
        assertEquals(0, overridden.code(), overridden.err());
        assertEquals("2", flag(overridden, "TieredStopAtLevel"));
    }

    /** A flag's value as -XX:+PrintFlagsFinal printed it. */
    private static String flag(Exit exit, String name) {
        return exit.out().lines().map(String::strip).filter(l -> l.split("\\s+").length > 3
                && l.split("\\s+")[1].equals(name)).map(l -> l.split("\\s+")[3]).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not among the flags printed"));
    }

    /** How many classes came from the application's shared archive, from -Xlog:class+load. */
    private static long sharedClasses(Exit exit) {
        return exit.out().lines().filter(RunScriptTest::ours)
                .filter(l -> l.contains("shared objects file")).count();
    }

    /** A class-loading line of the project's or DJL's classes. */
    private static boolean ours(String line) {
        return line.contains(" org.linearmodels.") || line.contains(" ai.djl.");
    }

    /**
     * A checkout holding the real ./run, config/commands and models/, with this build's classes
     * and class path in place and newer than its (empty) sources.
     */
    private static Path standInCheckout(Path root) throws IOException {
        Files.createDirectories(root.resolve("target"));
        Files.createDirectories(root.resolve("config"));
        Files.createSymbolicLink(root.resolve("run"), Path.of("run").toAbsolutePath());
        Files.createSymbolicLink(root.resolve("models"), Path.of("models").toAbsolutePath());
        Files.createSymbolicLink(root.resolve("target").resolve("classes"),
                Path.of("target", "classes").toAbsolutePath());
        for (String config : List.of("commands", "java-options")) {
            Files.copy(Path.of("config", config), root.resolve("config").resolve(config));
        }
        String classPath = Arrays.stream(System.getProperty("java.class.path")
                .split(File.pathSeparator)).map(p -> Path.of(p).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        Files.writeString(root.resolve("target").resolve("classpath.txt"), classPath);
        FileTime past = FileTime.fromMillis(0);
        Files.setLastModifiedTime(Files.writeString(root.resolve("pom.xml"), ""), past);
        Files.setLastModifiedTime(Files.createDirectories(root.resolve("src").resolve("main")),
                past);
        return root;
    }

    private Exit run(Path checkout, Path directory, String... args)
            throws IOException, InterruptedException {
        return run(checkout, directory, Map.of(), args);
    }

    private Exit run(Path checkout, Path directory, Map<String, String> environment,
            String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(checkout.resolve("run").toString()));
        command.addAll(List.of(args));
        Path out = temp.resolve("out.txt");
        Path err = temp.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("JAVA_OPTS");
        builder.environment().remove("LINEARMODELS_CDS");
        builder.environment().putAll(environment);
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin")
                + File.pathSeparator + System.getenv("PATH"));
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("./run " + args[0] + " did not finish in five minutes");
        }
        return new Exit(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
