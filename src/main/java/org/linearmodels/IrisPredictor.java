package org.linearmodels;

import java.util.List;
import java.util.Locale;
import org.linearmodels.cli.Cli;
import org.linearmodels.cli.FeaturePredictorCommand;
import org.linearmodels.cli.Versions;
import org.linearmodels.model.Manifest;
import org.linearmodels.model.ModelSpec;
import picocli.CommandLine.Command;

/** Loads the checkpoint {@link IrisLogistic} saved and names the species of each flower. */
@Command(name = "IrisPredictor", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = Versions.class,
        description = {"Tells setosa from versicolor with the IrisLogistic checkpoint (T2).",
            "Give four measurements in cm per flower: sepal length, sepal width, petal length,"
                    + " petal width; e.g. 5.1 3.5 1.4 0.2 7.0 3.2 4.7 1.4 for two flowers."})
public final class IrisPredictor extends FeaturePredictorCommand {

    public IrisPredictor() {
        super(IrisLogistic.NAME, Cli.command(IrisLogistic.class),
                List.of("sepal length", "sepal width", "petal length", "petal width"),
                ModelSpec.Head.SIGMOID);
    }

    public static void main(String[] args) {
        Cli.run(new IrisPredictor(), args);
    }

    @Override
    protected String describe(float[] features, float[] answer, Manifest manifest) {
        List<String> names = manifest.model().classNames();
        float versicolor = answer[0];
        int index = versicolor >= 0.5f ? 1 : 0;
        float probability = index == 1 ? versicolor : 1 - versicolor;
        return String.format(Locale.ROOT, "%s, %s, %s, %s: %s (%.2f %%)",
                plain(features[0]), plain(features[1]),
                plain(features[2]), plain(features[3]),
                names.get(index), 100 * probability);
    }
}
