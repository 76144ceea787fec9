package org.linearmodels.errors;

/**
 * Training that diverged: the loss became NaN or infinite or rose tenfold, or the parameters
 * stopped being finite.
 */
public class DivergedException extends LinearModelsException {

    private static final long serialVersionUID = 1L;

    public DivergedException(String message) {
        super(message);
    }
}
