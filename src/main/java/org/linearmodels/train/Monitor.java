package org.linearmodels.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.linearmodels.model.EpochRecord;

/**
 * Everything that watches a training run, in order: progress bar and tutorial log lines (when
 * the plan logs steps), the per-epoch summary, the history, the chart, then any listeners a
 * driver adds. A from-scratch loop calls it directly; {@link FitLoop} calls it for the Trainer.
 */
public final class Monitor implements FitListener {

    private final History history;
    private final List<FitListener> listeners = new ArrayList<>();

    /** @param earlier the epochs a resumed run already has */
    Monitor(Path chartFile, String title, TrainingChart.Layout chartLayout, int logEvery,
            int summaryEvery, boolean logMemory, List<EpochRecord> earlier) {
        history = new History(earlier);
        if (logEvery > 0) {
            listeners.add(ConsoleProgress.onTerminal());
            listeners.add(new TutorialStepLog());
        }
        if (summaryEvery > 0) {
            listeners.add(new EpochSummaryLog(summaryEvery));
        }
        if (logMemory) {
            listeners.add(new MemoryLog());
        }
        listeners.add(history);
        if (chartLayout != null) {
            listeners.add(new TrainingChart(chartFile, title, chartLayout, earlier));
        }
    }

    /** Adds a listener that hears every event after the standard ones. */
    public Monitor add(FitListener listener) {
        listeners.add(listener);
        return this;
    }

    /** The epochs finished so far. */
    public List<EpochRecord> history() {
        return history.records();
    }

    @Override
    public void onEpochStart(int epoch, int epochs, long stepsPerEpoch) {
        listeners.forEach(l -> l.onEpochStart(epoch, epochs, stepsPerEpoch));
    }

    @Override
    public void onStep(int epoch, long step) {
        listeners.forEach(l -> l.onStep(epoch, step));
    }

    @Override
    public void onLoss(int epoch, int epochs, long step, long stepsPerEpoch, float loss) {
        listeners.forEach(l -> l.onLoss(epoch, epochs, step, stepsPerEpoch, loss));
    }

    /** Stops the run if the epoch's loss is not finite, else passes the epoch on. */
    @Override
    public void onEpochEnd(EpochRecord record, int epochs) {
        Divergence.check(record.trainLoss(), record.epoch(), 0);
        listeners.forEach(l -> l.onEpochEnd(record, epochs));
    }
}
