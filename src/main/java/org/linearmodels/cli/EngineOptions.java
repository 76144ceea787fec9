package org.linearmodels.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.linearmodels.engine.DeviceChoice;
import org.linearmodels.engine.PyTorch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Flags every command that runs the engine shares. */
public class EngineOptions {

    private static final Logger logger = LoggerFactory.getLogger(EngineOptions.class);

    @Option(names = "--device", paramLabel = "cpu|gpu|auto",
            description = "Where tensors live: cpu, gpu, or auto (a GPU when DJL sees one)."
                    + " Default: ${DEFAULT-VALUE}.")
    public DeviceChoice device = DeviceChoice.AUTO;

    @Option(names = "--threads", paramLabel = "N",
            description = "libtorch's intra-op threads. Default: ${DEFAULT-VALUE}, fastest for"
                    + " these models' small batches (docs/PERFORMANCE.md).")
    public int threads = 1;

    @Option(names = {"-v", "--verbose"},
            description = "Log DJL's engine messages; print the stack trace of an error.")
    public boolean verbose;

    /** The device to predict on, with the engine set to {@code --threads}. */
    public Device predictionDevice(CommandSpec spec) {
        checkThreads(spec);
        PyTorch.useThreads(threads);
        return device.resolve();
    }

    /** The device to train on, logged with the DJL and PyTorch versions and threads. */
    public Device trainingDevice(CommandSpec spec) {
        checkThreads(spec);
        PyTorch.useThreads(threads);
        Device resolved = device.resolve();
        logger.info("Training on {} with DJL {} and PyTorch {}, {} intra-op thread{}",
                resolved, Engine.getDjlVersion(), PyTorch.engine().getVersion(), threads,
                threads == 1 ? "" : "s");
        return resolved;
    }

    private void checkThreads(CommandSpec spec) {
        if (threads < 1 || threads > 256) {
            throw new ParameterException(spec.commandLine(),
                    "--threads must be between 1 and 256, got " + threads);
        }
    }
}
