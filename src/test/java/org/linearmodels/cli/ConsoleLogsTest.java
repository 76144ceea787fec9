package org.linearmodels.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linearmodels.ChildJvm;
import org.linearmodels.LinearRegression;

/**
 * The commands' log lines, set up in code by their entry ({@link ConsoleLogs}), and a user's
 * own file. The commands run on the project's class path without the test classes, whose
 * logback-test.xml would otherwise configure them.
 */
class ConsoleLogsTest {

    @TempDir
    Path temp;

    @Test
    void logLinesGoToStdoutWithTimeAndLevelAndDjlStaysQuiet() throws Exception {
        ChildJvm.Exit exit = ChildJvm.run(temp.resolve("run"), List.of(),
                ChildJvm.mainClassPath(), LinearRegression.class, "--epochs", "2",
                "--output-dir", temp.resolve("model").toString());
        assertEquals(0, exit.code(), String.join("\n", exit.err()));
        String time = "\\d\\d:\\d\\d:\\d\\d\\.\\d{3}";
        assertTrue(exit.out().lines().anyMatch(l -> l.matches(
                time + " INFO  Training on cpu\\(\\) with DJL .*")), exit.out());
        assertFalse(exit.out().contains("Number of intra-op threads"), exit.out());
        assertEquals(List.of(), exit.err());
    }

    @Test
    void verboseAddsDjlsEngineMessagesInTheSameFormat() throws Exception {
        ChildJvm.Exit exit = ChildJvm.run(temp.resolve("run"), List.of(),
                ChildJvm.mainClassPath(), LinearRegression.class, "--epochs", "2", "--verbose",
                "--output-dir", temp.resolve("model").toString());
        assertEquals(0, exit.code(), String.join("\n", exit.err()));
        String time = "\\d\\d:\\d\\d:\\d\\d\\.\\d{3}";
        assertTrue(exit.out().lines().anyMatch(l -> l.matches(
                time + " INFO  Number of intra-op threads is .*")), exit.out());
    }

    @Test
    void aLogbackFileNamedOnTheCommandLineWins() throws Exception {
        Path config = temp.resolve("logback.xml");
        Files.writeString(config, """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>MINE %level %msg%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="OUT"/></root>
                </configuration>
                """);
        ChildJvm.Exit exit = ChildJvm.run(temp.resolve("run"),
                List.of("-Dlogback.configurationFile=" + config), ChildJvm.mainClassPath(),
                LinearRegression.class, "--epochs", "2", "--output-dir",
                temp.resolve("model").toString());
        assertEquals(0, exit.code(), String.join("\n", exit.err()));
        assertTrue(exit.out().contains("MINE INFO Training on cpu()"), exit.out());
        assertTrue(exit.out().contains("MINE INFO Number of intra-op threads"), exit.out());
    }
}
