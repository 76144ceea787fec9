package org.linearmodels.predict;

import java.util.Optional;
import org.linearmodels.errors.ExitCode;
import org.linearmodels.errors.UserError;

/**
 * A picture with nothing to classify: uniform, or too faint to hold a stroke. Thrown by the
 * framing, which does not know the picture's name; {@link #naming} gives the line a caller who
 * does prints.
 */
public final class BlankPictureError extends UserError {

    private static final long serialVersionUID = 1L;

    private final String thing;

    BlankPictureError(String thing) {
        super(ExitCode.BAD_INPUT, "no " + thing + " found: the picture is blank.");
        this.thing = thing;
    }

    /** The blank-picture error that caused {@code failure} (e.g. a DJL TranslateException). */
    public static Optional<BlankPictureError> causing(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BlankPictureError blank) {
                return Optional.of(blank);
            }
        }
        return Optional.empty();
    }

    /** The same error, naming {@code source} (a file, "the request body"). */
    public UserError naming(Object source) {
        return new UserError(ExitCode.BAD_INPUT, "no " + thing + " found in " + source
                + ": the picture is blank.", this);
    }
}
