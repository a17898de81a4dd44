package io.github.buttplugjava.core;

import io.github.buttplugjava.core.message.ErrorCode;

/** Ping failed: the server pinged out, or does not want pings. Spec code {@link ErrorCode#PING}. */
public class ButtplugPingException extends ButtplugException {

    /** An exception with a message. */
    public ButtplugPingException(String message) {
        super(ErrorCode.PING, message);
    }

    /** An exception with a message and a cause. */
    public ButtplugPingException(String message, Throwable cause) {
        super(ErrorCode.PING, message, cause);
    }
}
