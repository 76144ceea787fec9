package org.linearmodels.cli;

import org.linearmodels.engine.DeviceChoice;
import picocli.CommandLine.Option;

/** Flags every command that runs the engine shares. */
public class EngineOptions {

    @Option(names = "--device", paramLabel = "cpu|gpu|auto",
            description = "Where tensors live: cpu, gpu, or auto (a GPU when DJL sees one)."
                    + " Default: ${DEFAULT-VALUE}.")
    public DeviceChoice device = DeviceChoice.AUTO;

    @Option(names = {"-v", "--verbose"},
            description = "Log DJL's engine messages; print the stack trace of an error.")
    public boolean verbose;
}
