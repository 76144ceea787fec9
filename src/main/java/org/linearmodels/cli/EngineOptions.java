package org.linearmodels.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.linearmodels.engine.DeviceChoice;
import org.linearmodels.engine.Engines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** Flags every command that runs the engine shares. */
public class EngineOptions {

    private static final Logger logger = LoggerFactory.getLogger(EngineOptions.class);

    @Option(names = "--device", paramLabel = "cpu|gpu|auto",
            description = "Where tensors live: cpu, gpu, or auto (a GPU when DJL sees one)."
                    + " Default: ${DEFAULT-VALUE}.")
    public DeviceChoice device = DeviceChoice.AUTO;

    @Option(names = {"-v", "--verbose"},
            description = "Log DJL's engine messages; print the stack trace of an error.")
    public boolean verbose;

    /** The device to train on, logged with the DJL and PyTorch versions. */
    public Device trainingDevice() {
        Device resolved = device.resolve();
        logger.info("Training on {} with DJL {} and PyTorch {}", resolved,
                Engine.getDjlVersion(), Engines.pytorch().getVersion());
        return resolved;
    }
}
