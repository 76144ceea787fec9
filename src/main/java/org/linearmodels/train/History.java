package org.linearmodels.train;

import java.util.ArrayList;
import java.util.List;
import org.linearmodels.model.EpochRecord;

/** Keeps every finished epoch's figures, for charts, checkpoints and the final report. */
public final class History implements FitListener {

    private final List<EpochRecord> records = new ArrayList<>();

    /** Starts from the epochs a resumed run already has. */
    public History(List<EpochRecord> earlier) {
        records.addAll(earlier);
    }

    public History() {
        this(List.of());
    }

    @Override
    public void onEpochEnd(EpochRecord record, int epochs) {
        records.add(record);
    }

    public List<EpochRecord> records() {
        return List.copyOf(records);
    }

    /** The last finished epoch; there must be one. */
    public EpochRecord last() {
        return records.get(records.size() - 1);
    }
}
