package org.linearmodels;

import org.linearmodels.cli.Cli;
import org.linearmodels.cli.ImagePredictorCommand;
import org.linearmodels.cli.Versions;
import org.linearmodels.data.ImageDataset;
import org.linearmodels.model.Framing;
import picocli.CommandLine.Command;

/**
 * Loads the checkpoint {@link MnistLogistic} saved and answers: the top digits for each image
 * given, or, with none, the accuracy on the MNIST test set.
 */
@Command(name = "MnistPredictor", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = Versions.class,
        description = {"Classifies handwritten digits with the MnistLogistic checkpoint.",
            "Given image files (PNG, JPEG, GIF, BMP; any size; dark ink on light paper or light"
                    + " on dark), prints the top digits with their probabilities. Given none,"
                    + " prints the accuracy on the 10000 MNIST test images."})
public final class MnistPredictor extends ImagePredictorCommand {

    public MnistPredictor() {
        super(MnistLogistic.NAME, Cli.command(MnistLogistic.class), ImageDataset.MNIST,
                Framing.MNIST);
    }

    public static void main(String[] args) {
        Cli.run(new MnistPredictor(), args);
    }
}
