package io.github.buttplugjava.core;

import io.github.buttplugjava.core.message.ErrorCode;

/** A message was malformed, unknown, or not permitted. Spec code {@link ErrorCode#MSG}. */
public class ButtplugMessageException extends ButtplugException {

    /**
     * An exception with a message.
     *
     * @param message what went wrong, in the protocol's terms; sent to the peer as the {@code
     *         Error} text
     */
    public ButtplugMessageException(String message) {
        super(ErrorCode.MSG, message);
    }

    /**
     * An exception with a message and a cause.
     *
     * @param message what went wrong, in the protocol's terms; sent to the peer as the {@code
     *         Error} text
     * @param cause the underlying failure, or null
     */
    public ButtplugMessageException(String message, Throwable cause) {
        super(ErrorCode.MSG, message, cause);
    }
}
