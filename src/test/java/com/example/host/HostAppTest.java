package com.example.host;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linearmodels.ChildJvm;
import org.linearmodels.LinearPredictor;
import org.linearmodels.cli.Cli;

/**
 * The library leaves the process it is used in as it found it: {@link HostApp} runs in its own
 * JVM on a class path of its own (its classes and its logback.xml first, then the project's
 * classes and dependencies, none of the test classes or resources), and keeps its log format,
 * its exit handler, its stdio's flush at exit and its exit status.
 */
class HostAppTest {

    @TempDir
    Path temp;

    @Test
    void aProgramUsingTheLibraryKeepsItsLoggingExitHandlersAndStatus() throws Exception {
        ChildJvm.Exit exit = ChildJvm.run(temp.resolve("run"), List.of(), hostClassPath(),
                HostApp.class, temp.resolve("trained").toString());
        String out = exit.out();
        assertAll(
                () -> assertTrue(out.contains("lesson: w = 1.919601, b = 0.182765\n"),
                        "the lesson's training\n" + out),
                () -> assertTrue(out.contains("predicted y(4) = 7.8612\n"), "the prediction\n"
                        + out),
                () -> assertTrue(out.lines().anyMatch(l -> l.matches("HOST org\\.linearmodels"
                        + "\\.[\\w.]+ INFO Training on cpu\\(\\) with DJL .*")),
                        "the library logs in the host's format\n" + out),
                () -> assertTrue(out.contains("HOST com.example.host.HostApp INFO"
                        + " LinearRegression exited with 0\n"), "the host's own log line\n"
                        + out),
                () -> assertTrue(out.lines().noneMatch(l -> l.matches(
                        "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*")),
                        "no line in the commands' own format\n" + out),
                () -> assertEquals(HostApp.STATUS, exit.code(), "the exit status\n"
                        + String.join("\n", exit.err())),
                () -> assertTrue(out.contains(HostApp.HOOK_MARKER + "\n"), "the shutdown hook\n"
                        + out),
                () -> assertTrue(out.endsWith(HostApp.STDIO_MARKER + "\n"),
                        "stdio flushed at exit\n" + out));
    }

    /**
     * logback is an optional dependency: a program with another SLF4J binding, or none, runs a
     * command in-process, --verbose included, without logback's classes.
     */
    @Test
    void aProgramWithoutLogbackRunsACommandVerbosely() throws Exception {
        String classPath = Arrays.stream(System.getProperty("java.class.path")
                .split(File.pathSeparator)).filter(e -> !e.contains("logback"))
                .collect(Collectors.joining(File.pathSeparator));
        ChildJvm.Exit exit = ChildJvm.run(temp.resolve("run"), List.of(), classPath,
                PredictsVerbosely.class);
        assertEquals(0, exit.code(), String.join("\n", exit.err()));
        assertEquals("x = 4: y = 7.8612\nexit 0\n", exit.out());
    }

    /** Runs LinearPredictor --verbose in-process and prints its exit code. */
    public static final class PredictsVerbosely {
        public static void main(String[] args) {
            System.out.println("exit " + Cli.execute(new LinearPredictor(), "--verbose", "4"));
        }
    }

    /**
     * HostApp's class files and a logback.xml in a folder of their own, ahead of the project's
     * classes and dependencies (not the test classes, whose logback-test.xml would win).
     */
    private String hostClassPath() throws Exception {
        Path testClasses = Path.of(HostApp.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        Path app = temp.resolve("app");
        String pkg = HostApp.class.getPackageName().replace('.', '/');
        Files.createDirectories(app.resolve(pkg));
        try (var classes = Files.list(testClasses.resolve(pkg))) {
            for (Path file : classes.toList()) {
                String name = file.getFileName().toString();
                if (name.equals("HostApp.class") || name.startsWith("HostApp$")) {
                    Files.copy(file, app.resolve(pkg).resolve(name));
                }
            }
        }
        Files.writeString(app.resolve("logback.xml"), """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>HOST %logger %level %msg%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="OUT"/></root>
                </configuration>
                """);
        return app + File.pathSeparator + ChildJvm.mainClassPath();
    }
}
