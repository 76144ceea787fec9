package org.linearmodels.train;

import ai.djl.nn.Parameter;
import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListenerAdapter;
import java.nio.file.Path;
import org.linearmodels.model.CheckpointFiles;
import org.linearmodels.model.Manifest;

/**
 * The tutorials' {@code torch.save(model.state_dict(), ...)}, every so many epochs and after the
 * last: DJL's {@code model.save} into a temporary directory, then renamed into place beside its
 * manifest ({@link CheckpointFiles#save}), so a crash leaves the previous checkpoint whole.
 */
public final class CheckpointSaver extends TrainingListenerAdapter {

    private final TrainingRun run;
    private final History history;
    private final Path directory;
    private final int every;
    private final int epochs;
    private Manifest saved;

    /**
     * @param every epochs between two checkpoints; the last epoch of {@code epochs} is always
     *     saved
     */
    public CheckpointSaver(TrainingRun run, History history, Path directory, int every,
            int epochs) {
        this.run = run;
        this.history = history;
        this.directory = directory;
        this.every = every;
        this.epochs = epochs;
    }

    @Override
    public void onEpoch(Trainer trainer) {
        int epoch = history.last().epoch();
        if (epoch % every == 0 || epoch == epochs) {
            Divergence.checkParameters(trainer.getModel().getBlock().getParameters().values()
                    .stream().map(Parameter::getArray).toList(), epoch);
            saved = CheckpointFiles.save(trainer.getModel(), directory,
                    run.manifest(history.records()));
        }
    }

    /**
     * The manifest of the last checkpoint this run saved, or where it saved none (a resumed run
     * that had nothing left to train), the one already in the directory.
     */
    public Manifest saved() {
        return saved != null ? saved
                : CheckpointFiles.readManifest(directory, run.name(), "train without --resume");
    }
}
