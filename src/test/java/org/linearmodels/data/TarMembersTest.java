package org.linearmodels.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Copying chosen members out of a tar stream, as from npm's .tgz and Debian's data.tar. */
class TarMembersTest {

    @TempDir
    Path temp;

    /** A tar of {@code members}, name to content, in order. */
    private static byte[] tar(Map<String, byte[]> members) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            for (var member : members.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(member.getKey());
                entry.setSize(member.getValue().length);
                out.putArchiveEntry(entry);
                out.write(member.getValue());
                out.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static TarArchiveInputStream read(byte[] tar) {
        return new TarArchiveInputStream(new ByteArrayInputStream(tar));
    }

    @Test
    void copiesTheNamedMembersAndUnzipsThoseEndingInGz() throws IOException {
        byte[] tar = tar(new LinkedHashMap<>(Map.of(
                "./usr/share/data/a.txt", "alpha".getBytes(StandardCharsets.UTF_8),
                "package/b.idx.gz", gzip("beta, unzipped"),
                "package/unwanted", "x".getBytes(StandardCharsets.UTF_8))));
        Path a = temp.resolve("a");
        Path b = temp.resolve("b");
        Files.writeString(b, "an older copy, replaced");
        TarMembers.copy(read(tar), Map.of("usr/share/data/a.txt", a, "package/b.idx.gz", b),
                "test.tar");
        assertEquals("alpha", Files.readString(a));
        assertEquals("beta, unzipped", Files.readString(b));
    }

    @Test
    void namesEveryMemberItDidNotFind() throws IOException {
        byte[] tar = tar(Map.of("present", new byte[] {1, 2, 3}));
        IOException missing = assertThrows(IOException.class, () -> TarMembers.copy(read(tar),
                Map.of("present", temp.resolve("p"), "zeta", temp.resolve("z"),
                        "alpha", temp.resolve("a")), "pkg.tgz"));
        assertEquals("pkg.tgz has no [alpha, zeta]", missing.getMessage());
        assertEquals(3, Files.size(temp.resolve("p")));
    }
}
