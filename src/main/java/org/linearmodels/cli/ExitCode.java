package org.linearmodels.cli;

/** The process exit codes of every command; docs/checkpoints.md lists them for users. */
public enum ExitCode {
    OK(0, "success"),
    INTERNAL(1, "unexpected error: a bug; rerun with --verbose and report the stack trace"),
    USAGE(2, "a flag is unknown, malformed or out of range"),
    DATA_UNAVAILABLE(3, "a data set is not cached and could not be fetched from its registry"),
    DATA_CORRUPT(4, "a data file is corrupt: wrong checksum, bad IDX header, truncated, bad CSV"),
    BAD_INPUT(5, "an input given to a predictor is unusable: not an image, empty, too large"),
    CHECKPOINT(6, "a checkpoint is missing, damaged, or belongs to another model or shape"),
    DIVERGED(7, "training diverged: the loss became NaN or infinite, or rose tenfold"),
    DEVICE(8, "the requested device (e.g. --device gpu) or Spark master (--master) is not"
            + " available"),
    OUTPUT(9, "the output cannot be written (read-only, full, not a directory) or another run"
            + " is writing to it");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
