package io.github.buttplugjava.core;

import io.github.buttplugjava.core.message.ErrorCode;

/** Ping failed: the server pinged out, or does not want pings. Spec code {@link ErrorCode#PING}. */
public class ButtplugPingException extends ButtplugException {

    /**
     * An exception with a message.
     *
     * @param message what went wrong, in the protocol's terms; sent to the peer as the {@code
     *         Error} text
     */
    public ButtplugPingException(String message) {
        super(ErrorCode.PING, message);
    }

    /**
     * An exception with a message and a cause.
     *
     * @param message what went wrong, in the protocol's terms; sent to the peer as the {@code
     *         Error} text
     * @param cause the underlying failure, or null
     */
    public ButtplugPingException(String message, Throwable cause) {
        super(ErrorCode.PING, message, cause);
    }
}
