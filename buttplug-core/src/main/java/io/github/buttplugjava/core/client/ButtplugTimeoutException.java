package io.github.buttplugjava.core.client;

import io.github.buttplugjava.core.ButtplugException;
import io.github.buttplugjava.core.message.ErrorCode;

/** A request got no reply before its deadline (see {@link ButtplugClient.Builder#requestTimeout}); code ERROR_UNKNOWN. */
public class ButtplugTimeoutException extends ButtplugException {

    /**
     * An exception with a message.
     *
     * @param message which request timed out, and after how long
     */
    public ButtplugTimeoutException(String message) {
        super(ErrorCode.UNKNOWN, message);
    }
}
