package org.linearmodels.io;

/**
 * Named points of a checkpoint save at which a test can stop the process dead, as a crash or
 * {@code kill -9} would: the JVM halts there with exit status 137 (SIGKILL's), running no
 * shutdown hooks and closing nothing. Chosen with the system property
 * {@value #PROPERTY}{@code =POINT@EPOCH}, e.g. {@code params-moved@3}; unset, as in every
 * ordinary run, {@link #reach} does nothing.
 */
public final class HaltPoint {

    /** The system property that names the point. */
    public static final String PROPERTY = "linearmodels.halt-at";

    /** The status the JVM halts with: 128 + 9, as for a process killed by SIGKILL. */
    public static final int STATUS = 137;

    /** Before anything of the epoch's checkpoint is written. */
    public static final String SAVE_START = "save-start";
    /** The new parameter file is in place; the manifest still names the previous one. */
    public static final String PARAMS_MOVED = "params-moved";
    /** The new manifest is in place; the previous parameter file is not deleted yet. */
    public static final String MANIFEST_WRITTEN = "manifest-written";

    private static final String TARGET = System.getProperty(PROPERTY);

    private HaltPoint() {}

    /** Halts the JVM if the property names {@code point} at {@code epoch}. */
    public static void reach(String point, int epoch) {
        if (TARGET != null && TARGET.equals(point + "@" + epoch)) {
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(STATUS);
        }
    }
}
