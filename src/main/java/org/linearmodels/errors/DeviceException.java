package org.linearmodels.errors;

/** A device or native library that is not available: no GPU, a libtorch DJL cannot use. */
public class DeviceException extends LinearModelsException {

    private static final long serialVersionUID = 1L;

    public DeviceException(String message) {
        super(message);
    }

    public DeviceException(String message, Throwable cause) {
        super(message, cause);
    }
}
