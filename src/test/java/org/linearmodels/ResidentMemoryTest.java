package org.linearmodels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The leak test of the memory tests, on readings made up to show what it tells apart. */
class ResidentMemoryTest {

    /** Readings 500 MB flat over 41 epochs, but for {@code jumps} one-off rises of 40 MB. */
    private static List<Double> flatWithJumps(int... jumps) {
        List<Double> readings = new ArrayList<>();
        double level = 500;
        for (int epoch = 10; epoch <= 50; epoch++) {
            for (int jump : jumps) {
                level += jump == epoch ? 40 : 0;
            }
            readings.add(level + (epoch % 3) * 0.1);
        }
        return readings;
    }

    @Test
    void oneOffJumpsOfABusyMachineAreNotALeak() {
        List<Double> readings = flatWithJumps(23, 37);
        // The former check, the last reading against the first, failed on exactly this.
        assertTrue(readings.get(readings.size() - 1) - readings.get(0) > 32);
        assertTrue(ResidentMemory.medianStep(readings) < 0.5);
    }

    @Test
    void aSteadyLeakIsOne() {
        List<Double> readings = new ArrayList<>();
        for (int epoch = 10; epoch <= 50; epoch++) {
            readings.add(500 + 3.0 * epoch + (epoch % 4 == 0 ? -2 : 0));
        }
        assertTrue(ResidentMemory.medianStep(readings) >= 2.5);
    }

    @Test
    void theMedianOfAnEvenNumberOfStepsIsTheMeanOfTheMiddleTwo() {
        assertEquals(1.5, ResidentMemory.medianStep(List.of(0, 1, 3, 6, 7)));
    }
}
