package org.linearmodels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The main packages depend in one direction: each uses only packages of a lower layer, so there
 * is no cycle and the library below {@code cli} can be used without the commands.
 */
class PackageLayersTest {

    private static final Path SOURCES = Path.of("src/main/java/org/linearmodels");

    /** The layers, lowest first; the top-level package (the commands) is above them all. */
    private static final Map<String, Integer> LAYER = Map.ofEntries(
            Map.entry("errors", 0),
            Map.entry("io", 1), Map.entry("engine", 1),
            Map.entry("plot", 2), Map.entry("data", 2),
            Map.entry("model", 3),
            Map.entry("train", 4), Map.entry("predict", 4),
            Map.entry("serve", 5),
            Map.entry("cli", 6),
            Map.entry("", 7));

    private static final Pattern USE = Pattern.compile("org\\.linearmodels\\.([a-z]+)\\.[A-Z]");
    /** A class named in a string (serving.properties names its factories) is not a use. */
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

    @Test
    void everyPackageUsesOnlyLowerLayers() throws IOException {
        List<String> wrong = new ArrayList<>();
        TreeSet<String> packages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path dir = SOURCES.relativize(file.getParent());
                String from = dir.toString().replace('/', '.');
                packages.add(from);
                String text = Files.readString(file, StandardCharsets.UTF_8);
                String code = STRING.matcher(text.substring(text.indexOf(';') + 1))
                        .replaceAll("\"\"");
                Matcher use = USE.matcher(code);
                while (use.find()) {
                    String to = use.group(1);
                    if (!to.equals(from) && !(layer(to) < layer(from))) {
                        wrong.add(file.getFileName() + " (" + from + ") uses " + to);
                    }
                }
            }
        }
        assertEquals(new TreeSet<>(LAYER.keySet()), packages, "a package without a layer");
        assertEquals(List.of(), wrong);
    }

    private static int layer(String name) {
        Integer layer = LAYER.get(name);
        if (layer == null) {
            throw new AssertionError("the package " + name + " has no layer in this test");
        }
        return layer;
    }
}
