package io.github.buttplugjava.core;

import io.github.buttplugjava.core.message.ErrorCode;
import io.github.buttplugjava.core.message.ErrorMessage;

/**
 * A failure in the Buttplug protocol's own terms: it carries the spec {@link ErrorCode}.
 *
 * <p>Futures of this library complete exceptionally with a subclass: {@link ButtplugHandshakeException}
 * (ERROR_INIT), {@link ButtplugPingException} (ERROR_PING), {@link ButtplugMessageException}
 * (ERROR_MSG), {@link ButtplugDeviceException} (ERROR_DEVICE), or this class for ERROR_UNKNOWN.
 */
public class ButtplugException extends RuntimeException {

    private final ErrorCode code;

    /** An exception with a code and a message. */
    public ButtplugException(ErrorCode code, String message) {
        this(code, message, null);
    }

    /** An exception with a code, a message and a cause. */
    public ButtplugException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = java.util.Objects.requireNonNull(code, "code");
    }

    /** The spec error class. */
    public ErrorCode code() {
        return code;
    }

    /** This failure as the spec {@code Error} message answering request {@code id}. */
    public ErrorMessage toErrorMessage(long id) {
        return new ErrorMessage(id, code, String.valueOf(getMessage()));
    }

    /** The exception subclass that matches a received {@code Error} message. */
    public static ButtplugException fromErrorMessage(ErrorMessage error) {
        return of(error.code(), error.text());
    }

    /** The exception subclass for a code. */
    public static ButtplugException of(ErrorCode code, String message) {
        return switch (code) {
            case INIT -> new ButtplugHandshakeException(message);
            case PING -> new ButtplugPingException(message);
            case MSG -> new ButtplugMessageException(message);
            case DEVICE -> new ButtplugDeviceException(message);
            case UNKNOWN -> new ButtplugException(ErrorCode.UNKNOWN, message);
        };
    }
}
