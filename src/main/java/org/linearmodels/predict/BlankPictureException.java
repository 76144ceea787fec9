package org.linearmodels.predict;

import java.util.Optional;
import org.linearmodels.errors.BadInputException;

/**
 * A picture with nothing to classify: uniform, or too faint to hold a stroke. Thrown by the
 * framing, which does not know the picture's name; {@link #naming} gives the one a caller who
 * does throws.
 */
public final class BlankPictureException extends BadInputException {

    private static final long serialVersionUID = 1L;

    private final String thing;

    BlankPictureException(String thing) {
        this(thing, "no " + thing + " found: the picture is blank.", null);
    }

    private BlankPictureException(String thing, String message, Throwable cause) {
        super(message, cause);
        this.thing = thing;
    }

    /** The blank-picture error that caused {@code failure} (e.g. a DJL TranslateException). */
    public static Optional<BlankPictureException> causing(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BlankPictureException blank) {
                return Optional.of(blank);
            }
        }
        return Optional.empty();
    }

    /** The same error, naming {@code source} (a file, "the request body"). */
    public BlankPictureException naming(Object source) {
        return new BlankPictureException(thing, "no " + thing + " found in " + source
                + ": the picture is blank.", this);
    }
}
