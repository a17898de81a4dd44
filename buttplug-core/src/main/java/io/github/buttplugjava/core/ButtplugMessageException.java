package io.github.buttplugjava.core;

import io.github.buttplugjava.core.message.ErrorCode;

/** A message was malformed, unknown, or not permitted. Spec code {@link ErrorCode#MSG}. */
public class ButtplugMessageException extends ButtplugException {

    /** An exception with a message. */
    public ButtplugMessageException(String message) {
        super(ErrorCode.MSG, message);
    }

    /** An exception with a message and a cause. */
    public ButtplugMessageException(String message, Throwable cause) {
        super(ErrorCode.MSG, message, cause);
    }
}
