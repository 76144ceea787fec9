package org.linearmodels.cli;

import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The {@code --mode} flag of the tutorials written from scratch (T2, T5): the tutorial's own
 * loop with its parameters by hand, or DJL's Trainer with a Linear block.
 */
public class ModeOption {

    /** How the model is written. */
    public enum Mode {
        SCRATCH,
        TRAINER;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Option(names = "--mode", paramLabel = "scratch|trainer",
            description = "From scratch as the tutorial, or with DJL's Trainer."
                    + " Default: ${DEFAULT-VALUE}.")
    public Mode mode = Mode.SCRATCH;

    public boolean scratch() {
        return mode == Mode.SCRATCH;
    }

    /** Refuses {@code --resume} in scratch mode, whose model is saved only at the end. */
    public void checkResume(ResumeOption resume, CommandSpec spec) {
        if (resume.resume && scratch()) {
            throw new ParameterException(spec.commandLine(), "--resume works with --mode"
                    + " trainer; the from-scratch model is saved only at the end");
        }
    }

    @Override
    public String toString() {
        return mode.toString();
    }
}
