package org.linearmodels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.linearmodels.data.DataDirectory;
import org.linearmodels.data.DatasetCache;
import org.linearmodels.data.ImageDataset;

/** The real data sets the tests use: the user's cache (fetched on first use), or copies of it. */
public final class TestData {

    private TestData() {}

    /** The default data cache, holding {@code dataset} (fetched from its registry if need be). */
    public static synchronized DatasetCache cacheWith(ImageDataset dataset) {
        DatasetCache cache = new DatasetCache(DataDirectory.resolve(null));
        cache.ensure(dataset);
        return cache;
    }

    /** Copies {@code dataset}'s cached files into a new cache rooted at {@code root}. */
    public static DatasetCache copyOf(ImageDataset dataset, Path root) throws IOException {
        DatasetCache source = cacheWith(dataset);
        Path from = source.directory(dataset).getParent();
        Path to = root.resolve(source.root().relativize(from));
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return new DatasetCache(root);
    }
}
