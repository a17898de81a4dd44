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

    /** The spec error class (part of the serialized form). */
    private final ErrorCode code;

    /**
     * An exception with a code and a message.
     *
     * @param code the spec error class
     * @param message what went wrong, in the protocol's terms; sent to the peer as the {@code
     *         Error} text
     */
    public ButtplugException(ErrorCode code, String message) {
        this(code, message, null);
    }

    /**
     * An exception with a code, a message and a cause.
     *
     * @param code the spec error class
     * @param message what went wrong, in the protocol's terms; sent to the peer as the {@code
     *         Error} text
     * @param cause the underlying failure, or null
     */
    public ButtplugException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = java.util.Objects.requireNonNull(code, "code");
    }

    /**
     * The spec error class.
     *
     * @return the error class, never null
     */
    public ErrorCode code() {
        return code;
    }

    /**
     * This failure as the spec {@code Error} message answering request {@code id}.
     *
     * @param id the Id of the request this failure answers, or 0 for an asynchronous error
     * @return an {@code Error} message with this code and this exception's message as text ("null"
     *         when it has none)
     */
    public ErrorMessage toErrorMessage(long id) {
        return new ErrorMessage(id, code, String.valueOf(getMessage()));
    }

    /**
     * The exception subclass that matches a received {@code Error} message.
     *
     * @param error the received {@code Error} message
     * @return an exception of the subclass for its code, with its text as message
     */
    public static ButtplugException fromErrorMessage(ErrorMessage error) {
        return of(error.code(), error.text());
    }

    /**
     * The exception subclass for a code.
     *
     * @param code the spec error class
     * @param message the exception message
     * @return a {@link ButtplugHandshakeException}, {@link ButtplugPingException}, {@link
     *         ButtplugMessageException} or {@link ButtplugDeviceException} for those codes, a plain
     *     {@code ButtplugException} for {@link ErrorCode#UNKNOWN}
     */
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
