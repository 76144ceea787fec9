package org.linearmodels.cli;

import org.linearmodels.train.RunPlan;
import picocli.CommandLine.Option;

/** The {@code --resume} flag of the drivers that train with DJL's Trainer. */
public class ResumeOption {

    @Option(names = "--resume",
            description = "Continue from the checkpoint in --output-dir, at the epoch after its"
                    + " last; with the same flags and sgd, the result equals an uninterrupted"
                    + " run's.")
    public boolean resume;

    public RunPlan.Builder applyTo(RunPlan.Builder plan) {
        return plan.resume(resume);
    }
}
