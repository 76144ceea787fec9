package org.linearmodels.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes: the target is whole, old or new, and nothing temporary stays behind. */
class AtomicFilesTest {

    @TempDir
    Path temp;

    private List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writeStringReplacesTheTargetAndLeavesNoTemporaryFile() throws IOException {
        Path target = temp.resolve("new/dir/manifest.json");
        AtomicFiles.writeString(target, "first");
        AtomicFiles.writeString(target, "second, é");
        assertEquals("second, é", Files.readString(target, StandardCharsets.UTF_8));
        assertEquals(List.of("manifest.json"), names(target.getParent()));
    }

    @Test
    void aWriterThatFailsLeavesTheOldTargetAndNoTemporaryFile() throws IOException {
        Path target = temp.resolve("kept.txt");
        Files.writeString(target, "old");
        IOException failure = assertThrows(IOException.class, () -> AtomicFiles.write(target,
                file -> {
                    Files.writeString(file, "half of the new");
                    throw new IOException("disk full");
                }));
        assertEquals("disk full", failure.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("kept.txt"), names(temp));
    }

    @Test
    void moveRenamesOverTheTarget() throws IOException {
        Path source = Files.writeString(temp.resolve("a"), "new");
        Path target = Files.writeString(temp.resolve("b"), "old");
        AtomicFiles.move(source, target);
        assertFalse(Files.exists(source));
        assertEquals("new", Files.readString(target));
    }

    @Test
    void deleteRecursivelyRemovesATreeAndIgnoresWhatIsNotThere() throws IOException {
        Path tree = temp.resolve("tree");
        Files.createDirectories(tree.resolve("a/b"));
        Files.writeString(tree.resolve("a/b/c.txt"), "c");
        Files.writeString(tree.resolve("d.txt"), "d");
        AtomicFiles.deleteRecursively(tree);
        assertFalse(Files.exists(tree));
        AtomicFiles.deleteRecursively(tree);
        assertEquals(List.of(), names(temp));
    }
}
