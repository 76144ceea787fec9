package org.linearmodels.train;

import ai.djl.training.util.ProgressBar;
import java.util.Locale;
import org.linearmodels.model.EpochRecord;

/**
 * DJL's progress bar for each epoch, on a terminal only (in a log file its carriage returns are
 * noise). Log lines print above it: before one, the bar's line is cleared, and the bar redraws
 * underneath at its next percent. Register it before the listeners that log.
 */
public final class ConsoleProgress implements FitListener {

    private static final String CLEAR_LINE = "\r\033[2K";

    private final boolean enabled;
    private ProgressBar bar;
    private String lastLoss;

    private ConsoleProgress(boolean enabled) {
        this.enabled = enabled;
    }

    /** A bar when standard output is a terminal; otherwise nothing. */
    public static ConsoleProgress onTerminal() {
        return new ConsoleProgress(System.console() != null);
    }

    @Override
    public void onEpochStart(int epoch, int epochs, long stepsPerEpoch) {
        if (enabled) {
            bar = new ProgressBar(String.format(Locale.ROOT, "Epoch %d/%d", epoch, epochs),
                    stepsPerEpoch);
            lastLoss = null;
        }
    }

    @Override
    public void onStep(int epoch, long step) {
        if (bar != null) {
            bar.update(step - 1, lastLoss);
        }
    }

    @Override
    public void onLoss(int epoch, int epochs, long step, long stepsPerEpoch, float loss) {
        if (bar != null) {
            System.out.print(CLEAR_LINE);
            System.out.flush();
            lastLoss = String.format(Locale.ROOT, "loss %.4f", loss);
        }
    }

    @Override
    public void onEpochEnd(EpochRecord record, int epochs) {
        bar = null;
    }
}
