package org.linearmodels.data;

import ai.djl.repository.Artifact;
import ai.djl.repository.LocalRepository;
import ai.djl.util.Progress;
import java.nio.file.Path;

/**
 * DJL's local repository over the data cache. DJL's own {@code prepare} would copy every file
 * again into {@code ~/.djl.ai}; here the files are already in place and checked by
 * {@link DatasetCache}, so preparing is a no-op and DJL reads them where they are.
 */
final class VerifiedLocalRepository extends LocalRepository {

    VerifiedLocalRepository(Path root) {
        super("djl-linear-models-data", root.toUri(), root);
    }

    @Override
    public void prepare(Artifact artifact, Progress progress) {
        // Nothing to download or copy: see the class comment.
    }
}
