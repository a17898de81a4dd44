package io.github.buttplugjava.core;

import io.github.buttplugjava.core.message.ErrorCode;

/** Handshake failed: RequestServerInfo expected, version mismatch, handshake repeated, reconnect denied. Spec code {@link ErrorCode#INIT}. */
public class ButtplugHandshakeException extends ButtplugException {

    /**
     * An exception with a message.
     *
     * @param message what went wrong, in the protocol's terms; sent to the peer as the {@code
     *         Error} text
     */
    public ButtplugHandshakeException(String message) {
        super(ErrorCode.INIT, message);
    }

    /**
     * An exception with a message and a cause.
     *
     * @param message what went wrong, in the protocol's terms; sent to the peer as the {@code
     *         Error} text
     * @param cause the underlying failure, or null
     */
    public ButtplugHandshakeException(String message, Throwable cause) {
        super(ErrorCode.INIT, message, cause);
    }
}
