package org.linearmodels.model;

import ai.djl.util.JsonUtils;
import com.google.gson.Gson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linearmodels.data.Checksums;

/**
 * Run by {@link OlderGsonTest} in a child JVM: reads every {@code models/<name>/manifest.json},
 * checks that writing it again gives the same bytes and that its parameter file's sha256 still
 * matches, writes one into {@code args[1]} and reads it back, and writes a DJL metadata map with
 * DJL's own Gson, as the data cache does. Prints the Gson jar it ran on; exits 1 on a mismatch.
 *
 * <p>Arguments: the models directory, a scratch directory.
 */
public final class ManifestRoundTrip {

    private ManifestRoundTrip() {}

    public static void main(String[] args) throws IOException {
        Path models = Path.of(args[0]);
        Path scratch = Path.of(args[1]);
        System.out.println("gson: "
                + Gson.class.getProtectionDomain().getCodeSource().getLocation());
        int failures = 0;
        Manifest last = null;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(models, Files::isDirectory)) {
            for (Path dir : dirs) {
                Path file = dir.resolve(Manifest.FILE_NAME);
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Manifest manifest = Manifest.read(file);
                if (!manifest.toJson().equals(text)) {
                    System.out.println(file + ": written again, the JSON differs");
                    failures++;
                }
                String sha256 = Checksums.sha256(dir.resolve(manifest.paramsFile()));
                if (!sha256.equals(manifest.paramsSha256())) {
                    System.out.println(file + ": sha256 of " + manifest.paramsFile() + " differs");
                    failures++;
                }
                System.out.println(file + ": read, " + manifest.history().size()
                        + " epochs of history, " + manifest.model().head() + " head");
                last = manifest;
            }
        }
        if (last == null) {
            System.out.println("no manifests in " + models);
            System.exit(1);
        }
        Path written = Files.createDirectories(scratch).resolve(Manifest.FILE_NAME);
        Files.writeString(written, last.withParams("copy.params", "0".repeat(64)).toJson(),
                StandardCharsets.UTF_8);
        Manifest back = Manifest.read(written);
        if (!back.equals(last.withParams("copy.params", "0".repeat(64)))) {
            System.out.println(written + ": read back, it is not the manifest written");
            failures++;
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("artifacts", List.of(Map.of("version", "0.35.1", "snapshot", false)));
        System.out.println("DJL's Gson: " + JsonUtils.GSON_PRETTY.toJson(metadata).length()
                + " characters of metadata");
        System.out.println(failures == 0 ? "all manifests round-trip" : failures + " failures");
        System.exit(failures == 0 ? 0 : 1);
    }
}
