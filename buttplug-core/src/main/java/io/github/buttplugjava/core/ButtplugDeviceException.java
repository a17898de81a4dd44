package io.github.buttplugjava.core;

import io.github.buttplugjava.core.message.ErrorCode;

/** A device command failed: unknown device or feature, value out of range, device gone, hardware error. Spec code {@link ErrorCode#DEVICE}. */
public class ButtplugDeviceException extends ButtplugException {

    /** An exception with a message. */
    public ButtplugDeviceException(String message) {
        super(ErrorCode.DEVICE, message);
    }

    /** An exception with a message and a cause. */
    public ButtplugDeviceException(String message, Throwable cause) {
        super(ErrorCode.DEVICE, message, cause);
    }
}
