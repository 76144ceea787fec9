package org.linearmodels.cli;

import java.nio.file.Path;
import org.linearmodels.train.Resume;
import org.linearmodels.train.TrainingRun;
import picocli.CommandLine.Option;

/** The {@code --resume} flag of the drivers that train with DJL's Trainer. */
public class ResumeOption {

    @Option(names = "--resume",
            description = "Continue from the checkpoint in --output-dir, at the epoch after its"
                    + " last; with the same flags and sgd, the result equals an uninterrupted"
                    + " run's.")
    public boolean resume;

    /** Where a run of {@code run} into {@code outputDir} starts, as this flag says. */
    public Resume from(Path outputDir, TrainingRun run) {
        return Resume.from(resume, outputDir, run);
    }
}
