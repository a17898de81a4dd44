package io.github.buttplugjava.core;

import io.github.buttplugjava.core.message.ErrorCode;

/** A device command failed: unknown device or feature, value out of range, device gone, hardware error. Spec code {@link ErrorCode#DEVICE}. */
public class ButtplugDeviceException extends ButtplugException {

    /**
     * An exception with a message.
     *
     * @param message what went wrong, in the protocol's terms; sent to the peer as the {@code
     *         Error} text
     */
    public ButtplugDeviceException(String message) {
        super(ErrorCode.DEVICE, message);
    }

    /**
     * An exception with a message and a cause.
     *
     * @param message what went wrong, in the protocol's terms; sent to the peer as the {@code
     *         Error} text
     * @param cause the underlying failure, or null
     */
    public ButtplugDeviceException(String message, Throwable cause) {
        super(ErrorCode.DEVICE, message, cause);
    }
}
