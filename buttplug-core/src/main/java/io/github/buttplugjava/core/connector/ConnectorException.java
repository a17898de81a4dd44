package io.github.buttplugjava.core.connector;

import io.github.buttplugjava.core.ButtplugException;
import io.github.buttplugjava.core.message.ErrorCode;

/** The pipe could not open, or closed; spec code {@link ErrorCode#UNKNOWN}. */
public class ConnectorException extends ButtplugException {

    /**
     * An exception with a message.
     *
     * @param message what went wrong with the pipe
     */
    public ConnectorException(String message) {
        super(ErrorCode.UNKNOWN, message);
    }

    /**
     * An exception with a message and a cause.
     *
     * @param message what went wrong with the pipe
     * @param cause the transport's exception, or null
     */
    public ConnectorException(String message, Throwable cause) {
        super(ErrorCode.UNKNOWN, message, cause);
    }
}
