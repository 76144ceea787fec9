package org.linearmodels.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * scripts/json-string, with which notebooks/setup.sh writes the kernel's class path into
 * kernel.json: a path with quotes, backslashes or control characters still makes valid JSON.
 */
class JsonStringTest {

    private static String jsonString(String text) throws Exception {
        Process script = new ProcessBuilder("scripts/json-string", text).start();
        assertTrue(script.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, script.exitValue());
        return new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    @Test
    void awkwardPathsComeBackFromJsonUnchanged() throws Exception {
        List<String> paths = new ArrayList<>(List.of("/home/ann/linear models/kernel.jar",
                "/tmp/say \"hi\"/a\\b.jar", "/tmp/tab\there/new\nline/\u0001.jar"));
        // Under a non-UTF-8 locale (LANG=C) the JVM passes non-ASCII arguments as '?': such a
        // path cannot reach the script at all, so it is tried only where it can.
        if ("UTF-8".equals(System.getProperty("sun.jnu.encoding"))) {
            paths.add("/tmp/ü €");
        }
        for (String path : paths) {
            String json = jsonString(path);
            assertEquals(path, JsonParser.parseString(json).getAsString(), json);
        }
    }

    @Test
    void setupWritesThePathEscaped() throws Exception {
        String setup = Files.readString(Path.of("notebooks/setup.sh"), StandardCharsets.UTF_8);
        assertTrue(setup.contains("$(scripts/json-string \"$kernel_classpath\")"), setup);
        assertTrue(!setup.contains("\"$kernel_classpath\", \"org.rapaio"), setup);
    }
}
