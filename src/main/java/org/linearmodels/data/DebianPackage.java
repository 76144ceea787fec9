package org.linearmodels.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;

/**
 * A package from Debian's archive, fetched with {@code apt-get download} (no root needed) and
 * unpacked here in Java, so neither dpkg nor root is required.
 */
public record DebianPackage(String name, String aptGetCommand) implements RegistryPackage {

    public DebianPackage(String name) {
        this(name, "apt-get");
    }

    @Override
    public String describe() {
        return "Debian package " + name;
    }

    @Override
    public Path download(Path workDir) throws IOException {
        Processes.run(workDir, Duration.ofMinutes(10), List.of(aptGetCommand, "download", name));
        try (DirectoryStream<Path> debs = Files.newDirectoryStream(workDir, name + "_*.deb")) {
            for (Path deb : debs) {
                return deb;
            }
        }
        throw new IOException("apt-get download left no " + name + "_*.deb");
    }

    @Override
    public void extract(Path archive, Map<String, Path> members) throws IOException {
        try (InputStream file = Files.newInputStream(archive);
                ArArchiveInputStream ar = new ArArchiveInputStream(file)) {
            ArArchiveEntry entry;
            while ((entry = ar.getNextEntry()) != null) {
                if (entry.getName().startsWith("data.tar")) {
                    try (TarArchiveInputStream tar = new TarArchiveInputStream(decompress(ar))) {
                        TarMembers.copy(tar, members, archive.getFileName().toString());
                    }
                    return;
                }
            }
        }
        throw new IOException(archive.getFileName() + " has no data.tar member");
    }

    /** data.tar is xz-compressed in Debian 12; the factory also reads gzip and bzip2. */
    private static InputStream decompress(InputStream member) throws IOException {
        try {
            return new CompressorStreamFactory().createCompressorInputStream(
                    new BufferedInputStream(member));
        } catch (CompressorException e) {
            throw new IOException("cannot decompress data.tar: " + e.getMessage(), e);
        }
    }
}
