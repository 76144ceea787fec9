package org.linearmodels.engine;

import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import org.linearmodels.cli.ExitCode;
import org.linearmodels.cli.UserError;

/** The one engine this project runs on, loaded with an error that says what to do. */
public final class Engines {

    public static final String NAME = "PyTorch";

    private Engines() {}

    /** DJL's PyTorch engine; loading it the first time loads libtorch. */
    public static Engine pytorch() {
        try {
            return Engine.getEngine(NAME);
        } catch (EngineException | IllegalArgumentException e) {
            throw new UserError(ExitCode.DEVICE, "cannot load PyTorch's native library ("
                    + e.getMessage() + "). A build with -Dgpu bundles no libtorch: set"
                    + " PYTORCH_LIBRARY_PATH to an unpacked libtorch 2.7.1 (README, \"GPU\"), or"
                    + " build without -Dgpu to use the bundled CPU one.", e);
        }
    }
}
