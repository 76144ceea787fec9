package org.linearmodels.scratch;

import java.util.Arrays;

/** d2l's Accumulator: running sums of n quantities (e.g. loss sum, correct count, examples). */
public final class Accumulator {

    private final double[] sums;

    public Accumulator(int n) {
        sums = new double[n];
    }

    /** Adds one value to each sum, in order. */
    public void add(double... values) {
        if (values.length != sums.length) {
            throw new IllegalArgumentException("expected " + sums.length + " values, got "
                    + values.length);
        }
        for (int i = 0; i < sums.length; i++) {
            sums[i] += values[i];
        }
    }

    public double get(int index) {
        return sums[index];
    }

    public void reset() {
        Arrays.fill(sums, 0);
    }
}
