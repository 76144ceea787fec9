package org.linearmodels;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Runs a command's real {@code main} in a child JVM, as a user's shell would. */
public final class ChildJvm {

    /** What a finished child printed and how it exited. */
    public record Exit(int code, String out, List<String> err) {}

    private ChildJvm() {}

    /**
     * This JVM's class path less the test classes and resources (logback-test.xml among them):
     * the project's classes and dependencies, as ./run or a program using the jar has them.
     */
    public static String mainClassPath() {
        Path testClasses;
        try {
            testClasses = Path.of(ChildJvm.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).toAbsolutePath().equals(testClasses))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** Starts {@code main} with {@code args}; output goes to files in {@code dir}. */
    public static Process start(Path dir, List<String> jvmOptions, Class<?> main, String... args)
            throws IOException {
        return start(dir, jvmOptions, System.getProperty("java.class.path"), main, args);
    }

    /** Starts {@code main} on {@code classPath} instead of this JVM's class path. */
    public static Process start(Path dir, List<String> jvmOptions, String classPath,
            Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, main.getName()));
        command.addAll(List.of(args));
        Files.createDirectories(dir);
        return new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
    }

    /** Runs {@code main} to its end (at most ten minutes: a hang, not a slow machine). */
    public static Exit run(Path dir, List<String> jvmOptions, Class<?> main, String... args)
            throws IOException, InterruptedException {
        return run(dir, jvmOptions, System.getProperty("java.class.path"), main, args);
    }

    /** Runs {@code main} on {@code classPath} to its end (at most ten minutes). */
    public static Exit run(Path dir, List<String> jvmOptions, String classPath, Class<?> main,
            String... args) throws IOException, InterruptedException {
        Process process = start(dir, jvmOptions, classPath, main, args);
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(main.getSimpleName() + " did not finish in ten minutes");
        }
        return new Exit(process.exitValue(),
                Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.isBlank() && !launcherNote(l)).toList());
    }

    /**
     * Whether {@code line} is the JVM launcher's note that it took options from the environment
     * (JAVA_TOOL_OPTIONS is common on CI machines): the launcher's, not the command's, output.
     */
    static boolean launcherNote(String line) {
        return line.startsWith("Picked up JAVA_TOOL_OPTIONS: ")
                || line.startsWith("Picked up _JAVA_OPTIONS: ")
                || line.startsWith("NOTE: Picked up JDK_JAVA_OPTIONS: ");
    }
}
