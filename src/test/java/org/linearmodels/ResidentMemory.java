package org.linearmodels;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells a leak from noise in a series of resident-memory readings taken after equal amounts of
 * work. A leak adds about the same amount every step; a busy machine adds one-off jumps (the JIT
 * compiling late, glibc opening an arena for a thread that ran late) and takes pages away. So
 * the test is the median of the steps between readings, which a few jumps of any size do not
 * move, rather than the difference between two readings, which one jump decides.
 */
public final class ResidentMemory {

    private ResidentMemory() {}

    /** The median of the differences between consecutive readings. */
    public static double medianStep(List<? extends Number> readings) {
        List<Double> steps = new ArrayList<>();
        for (int i = 1; i < readings.size(); i++) {
            steps.add(readings.get(i).doubleValue() - readings.get(i - 1).doubleValue());
        }
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("need two readings at least, got " + readings);
        }
        steps.sort(null);
        int middle = steps.size() / 2;
        return steps.size() % 2 == 1 ? steps.get(middle)
                : (steps.get(middle - 1) + steps.get(middle)) / 2;
    }
}
