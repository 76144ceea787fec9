package org.linearmodels.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.linearmodels.Pictures;

/**
 * bench/run --smoke: the benchmark's whole machinery, ours against PyTorch, in seconds. Never
 * installs anything (--no-install); skipped, with the reason, where the Python peers are missing.
 */
@Tag("slow")
@ExtendWith(PythonPeers.class)
class BenchmarkSmokeTest {

    @TempDir
    Path temp;

    @Test
    void theSmokeRunPrintsTheTableAndDrawsTheChart() throws Exception {
        Path report = temp.resolve("BENCHMARKS.md");
        Path log = temp.resolve("bench.log");
        Process bench = new ProcessBuilder("bench/run", "--no-install", "--smoke", "--repeats",
                "1", "--out", report.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertTrue(bench.waitFor(5, TimeUnit.MINUTES), "the smoke run finished");
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, bench.exitValue(), output);
        String table = Files.readString(report, StandardCharsets.UTF_8);
        assertTrue(table.contains("## T4 tutorial settings (smoke"), table);
        assertTrue(table.matches("(?s).*\\| ours: MnistLogistic \\| [0-9.]+ \\|.*"), table);
        assertTrue(table.matches("(?s).*\\| PyTorch, in-memory tensor \\|.*\\| [0-9.]+× \\|.*"),
                table);
        assertTrue(table.matches("(?s).*\\| [0-9.]+ ms \\| [0-9.]+ ms \\| [0-9,]+ images/s.*"),
                table);
        assertTrue(table.contains("MB resident after epoch 1"), table);
        Pictures.assertDrawn(temp.resolve("benchmarks.png"));
    }
}
