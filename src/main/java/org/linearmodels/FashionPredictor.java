package org.linearmodels;

import org.linearmodels.cli.Cli;
import org.linearmodels.cli.ImagePredictorCommand;
import org.linearmodels.cli.Versions;
import org.linearmodels.data.ImageDataset;
import org.linearmodels.model.Framing;
import picocli.CommandLine.Command;

/**
 * Loads the checkpoint {@link FashionMnistSoftmax} saved and answers: the top labels for each
 * image given, or, with none, the accuracy on the Fashion-MNIST test set.
 */
@Command(name = "FashionPredictor", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = Versions.class,
        description = {"Names garments with the FashionMnistSoftmax checkpoint (T5).",
            "Given image files (PNG, JPEG, GIF, BMP; any size; one garment on a plain"
                    + " background), prints the top labels with their probabilities. Given"
                    + " none, prints the accuracy on the 10000 Fashion-MNIST test images."})
public final class FashionPredictor extends ImagePredictorCommand {

    public FashionPredictor() {
        super(FashionMnistSoftmax.NAME, Cli.command(FashionMnistSoftmax.class),
                ImageDataset.FASHION_MNIST, Framing.FASHION_MNIST);
    }

    public static void main(String[] args) {
        Cli.run(new FashionPredictor(), args);
    }
}
