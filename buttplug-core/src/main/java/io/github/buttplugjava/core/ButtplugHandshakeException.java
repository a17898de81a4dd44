package io.github.buttplugjava.core;

import io.github.buttplugjava.core.message.ErrorCode;

/** Handshake failed: RequestServerInfo expected, version mismatch, handshake repeated, reconnect denied. Spec code {@link ErrorCode#INIT}. */
public class ButtplugHandshakeException extends ButtplugException {

    /** An exception with a message. */
    public ButtplugHandshakeException(String message) {
        super(ErrorCode.INIT, message);
    }

    /** An exception with a message and a cause. */
    public ButtplugHandshakeException(String message, Throwable cause) {
        super(ErrorCode.INIT, message, cause);
    }
}
