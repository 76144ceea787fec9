package org.linearmodels.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Copies chosen members out of a tar stream: what npm's .tgz and Debian's data.tar share. */
final class TarMembers {

    private TarMembers() {}

    static void copy(TarArchiveInputStream tar, Map<String, Path> members, String archiveName)
            throws IOException {
        Map<String, Path> missing = new HashMap<>(members);
        TarArchiveEntry entry;
        while (!missing.isEmpty() && (entry = tar.getNextEntry()) != null) {
            String name = entry.getName().startsWith("./")
                    ? entry.getName().substring(2)
                    : entry.getName();
            Path target = missing.remove(name);
            if (target == null) {
                continue;
            }
            // Not closed: closing would close the archive stream that holds the next members.
            InputStream body = name.endsWith(".gz") ? new GZIPInputStream(tar) : tar;
            Files.copy(body, target, StandardCopyOption.REPLACE_EXISTING);
        }
        if (!missing.isEmpty()) {
            throw new IOException(archiveName + " has no " + new TreeSet<>(missing.keySet()));
        }
    }
}
