package org.linearmodels.train;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Splits a run's wall time into phases (engine start-up, data, training...), plus the time the
 * JVM (and Maven, under {@code exec:java}) took before the command started.
 */
public final class RunTimer {

    private final double jvmSecondsBeforeStart;
    private final Map<String, Double> phases = new LinkedHashMap<>();
    private long phaseStart = System.nanoTime();

    public RunTimer() {
        jvmSecondsBeforeStart = ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
    }

    /** Ends the current phase under {@code name} and starts the next. */
    public void lap(String name) {
        long now = System.nanoTime();
        phases.merge(name, (now - phaseStart) / 1e9, Double::sum);
        phaseStart = now;
    }

    /** Seconds per phase, with {@code jvm} first and {@code total} last. */
    public Map<String, Double> seconds() {
        Map<String, Double> all = new LinkedHashMap<>();
        all.put("jvm", jvmSecondsBeforeStart);
        all.putAll(phases);
        all.put("total", jvmSecondsBeforeStart
                + phases.values().stream().mapToDouble(Double::doubleValue).sum());
        return all;
    }

    /** One line for the log, e.g. {@code jvm 1.20 s, engine 0.61 s, ...}. */
    public String summary() {
        StringJoiner line = new StringJoiner(", ");
        seconds().forEach((name, s) -> line.add(String.format(Locale.ROOT, "%s %.2f s", name, s)));
        return line.toString();
    }
}
