package org.linearmodels.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.linearmodels.io.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record of which file versions have had their md5 checked, so each use of the cache hashes
 * only files that changed since: a file's stamp is its size, modification and inode-change
 * times and inode. Hashing all 55 MB of MNIST again took 0.13 s of every start; a write to a
 * file, even one that sets its modification time back, changes its inode-change time.
 */
final class Md5Stamps {

    private static final Logger logger = LoggerFactory.getLogger(Md5Stamps.class);

    private final Path record;

    /** The record kept in {@code record} (a data set's {@code .md5-checked}). */
    Md5Stamps(Path record) {
        this.record = record;
    }

    /** Each file's current stamp, by file name (null where the file system does not tell). */
    static Map<String, String> of(Map<String, Path> files) {
        Map<String, String> stamps = new LinkedHashMap<>();
        files.forEach((name, path) -> stamps.put(name, stamp(path)));
        return stamps;
    }

    /**
     * What identifies this version of a file: size, modification and inode-change times, inode;
     * null where the file system does not tell (then its md5 is checked every time).
     */
    static String stamp(Path path) {
        try {
            Map<String, Object> unix = Files.readAttributes(path,
                    "unix:size,lastModifiedTime,ctime,ino");
            return unix.get("size") + " " + unix.get("lastModifiedTime") + " " + unix.get("ctime")
                    + " " + unix.get("ino");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The stamps of the files whose md5 last matched; none if the record is missing or odd. */
    Map<String, String> read() {
        Map<String, String> stamps = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(record)) {
                int space = line.indexOf(' ');
                if (space > 0) {
                    stamps.put(line.substring(0, space), line.substring(space + 1));
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return stamps;
    }

    /** Records the files' stamps; a cache that cannot be written is checked in full next time. */
    void write(Map<String, String> stamps) {
        if (stamps.containsValue(null)) {
            return;
        }
        StringBuilder text = new StringBuilder();
        stamps.forEach((name, stamp) -> text.append(name).append(' ').append(stamp).append('\n'));
        try {
            AtomicFiles.writeString(record, text.toString());
        } catch (IOException e) {
            logger.debug("could not record the checked md5s in {}: {}", record, e.getMessage());
        }
    }
}
