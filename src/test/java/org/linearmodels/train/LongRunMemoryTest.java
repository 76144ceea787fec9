package org.linearmodels.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linearmodels.ChildJvm;
import org.linearmodels.MnistLogistic;
import org.linearmodels.ResidentMemory;

/**
 * A 50-epoch run's resident memory stays flat from epoch 10 on: every NDArray of a step is freed
 * with it.
 */
@Tag("slow")
class LongRunMemoryTest {

    private static final Pattern MEMORY = Pattern.compile(
            "Epoch (\\d+)/50: resident memory ([0-9.]+) MB");

    @TempDir
    Path temp;

    @Test
    void residentMemoryStopsGrowingByEpochTen() throws Exception {
        // A fixed, pre-touched heap, so resident memory moves only with native memory.
        ChildJvm.Exit exit = ChildJvm.run(temp, List.of("-Xms256m", "-Xmx256m",
                "-XX:+AlwaysPreTouch"), MnistLogistic.class, "--limit", "1000", "--epochs", "50",
                "--lr", "0.05", "--log-memory", "--output-dir", temp.resolve("model").toString());
        assertEquals(0, exit.code(), exit.err().toString());
        Map<Integer, Double> residentMb = new TreeMap<>();
        Matcher line = MEMORY.matcher(exit.out());
        while (line.find()) {
            residentMb.put(Integer.parseInt(line.group(1)), Double.parseDouble(line.group(2)));
        }
        assertEquals(50, residentMb.size(), exit.out());
        List<Double> fromTen = List.copyOf(residentMb.values()).subList(9, 50);
        // A leaked 784x100 float batch per step would add 300 KB x 10 steps = 3 MB an epoch;
        // the median step ignores the one-off jumps a busy machine makes (ResidentMemory).
        assertTrue(ResidentMemory.medianStep(fromTen) < 0.5,
                "resident memory by epoch, MB: " + residentMb);
    }
}
