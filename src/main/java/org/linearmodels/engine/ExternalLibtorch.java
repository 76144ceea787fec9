package org.linearmodels.engine;

import ai.djl.util.cuda.CudaUtils;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.linearmodels.errors.DeviceException;

/**
 * A libtorch of the user's own, named by {@code PYTORCH_LIBRARY_PATH} (the CUDA path). DJL
 * 0.35.1 then derives the JNI flavor {@code cu<version>-precxx11} or {@code cpu-precxx11}, but
 * its {@code pytorch-jni} jar holds only {@code cpu} and {@code cu128}; so, unless the user set
 * {@code PYTORCH_FLAVOR}, a command sets it (as a system property, which DJL reads after the
 * environment) to the one that matches the library. A program that uses the library owns its
 * system properties, so there the missing setting is an error naming the value to set. Problems
 * DJL would report deep in a stack trace, or as a crash, are one line each naming the fix.
 */
final class ExternalLibtorch {

    static final String VERSION = "2.7.1";
    /** The JNI builds the pytorch-jni 2.7.1-0.35.1 jar carries for linux-x86_64. */
    private static final Set<String> JNI_FLAVORS = Set.of("cpu", "cu128");

    private ExternalLibtorch() {}

    /**
     * Checks {@code PYTORCH_LIBRARY_PATH} and, in a {@code command}'s process, sets the flavor;
     * does nothing when it is unset.
     */
    static void prepare(boolean command) {
        String libraryPath = setting("PYTORCH_LIBRARY_PATH");
        if (libraryPath == null) {
            return;
        }
        Path dir = null;
        for (String entry : libraryPath.split(File.pathSeparator)) {
            Path candidate = Path.of(entry);
            if (Files.isRegularFile(candidate.resolve("libtorch.so"))) {
                dir = candidate;
                break;
            }
        }
        if (dir == null) {
            throw new DeviceException("PYTORCH_LIBRARY_PATH=" + libraryPath
                    + " holds no libtorch.so: point it at the lib folder of an unpacked libtorch "
                    + VERSION + " (docs/gpu.md), or unset it to use the bundled CPU one.");
        }
        boolean cuda = Files.exists(dir.resolve("libtorch_cuda.so"));
        String built = buildVersion(dir);
        if (built != null && !built.startsWith(VERSION)) {
            throw new DeviceException(dir + " is libtorch " + built + ", but DJL "
                    + "0.35.1's JNI is built for libtorch " + VERSION + ": unpack libtorch "
                    + VERSION + (cuda ? "+cu128" : "") + " and point PYTORCH_LIBRARY_PATH at it.");
        }
        if (cuda && CudaUtils.getGpuCount() == 0) {
            throw new DeviceException(dir + " is a CUDA libtorch, but no CUDA GPU or"
                    + " driver is visible here: point PYTORCH_LIBRARY_PATH at a CPU libtorch "
                    + VERSION + ", or unset it and build without -Dgpu.");
        }
        String flavor = setting("PYTORCH_FLAVOR");
        if (flavor == null && command) {
            System.setProperty("PYTORCH_FLAVOR", cuda ? "cu128" : "cpu");
        } else if (flavor == null) {
            throw new DeviceException("PYTORCH_LIBRARY_PATH=" + libraryPath + " is"
                    + " set and PYTORCH_FLAVOR is not, so DJL 0.35.1 would look for a JNI"
                    + " library its jar lacks: set PYTORCH_FLAVOR=" + (cuda ? "cu128" : "cpu")
                    + " before the engine loads (docs/gpu.md).");
        } else if (!JNI_FLAVORS.contains(flavor)) {
            throw new DeviceException("PYTORCH_FLAVOR=" + flavor + ": DJL's"
                    + " pytorch-jni jar has a JNI library only for cpu and cu128; set"
                    + " PYTORCH_FLAVOR=" + (cuda ? "cu128" : "cpu") + " (or unset it).");
        }
    }

    /** The version in libtorch's {@code build-version} file beside {@code lib/}, if any. */
    private static String buildVersion(Path lib) {
        Path parent = lib.toAbsolutePath().getParent();
        Path file = parent == null ? null : parent.resolve("build-version");
        try {
            return file != null && Files.isRegularFile(file)
                    ? Files.readString(file, StandardCharsets.UTF_8).strip() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String setting(String name) {
        String value = System.getenv(name);
        if (value == null || value.isEmpty()) {
            value = System.getProperty(name);
        }
        return value == null || value.isEmpty() ? null : value;
    }
}
