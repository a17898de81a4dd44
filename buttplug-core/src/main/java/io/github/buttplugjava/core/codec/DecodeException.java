package io.github.buttplugjava.core.codec;

import io.github.buttplugjava.core.ButtplugMessageException;

/**
 * A frame or message could not be decoded: malformed JSON, an unknown message, missing, extra or
 * mistyped fields, out-of-range values, a bad Id, or a frame over the size or nesting limit.
 * Its code is ERROR_MSG (3).
 */
public class DecodeException extends ButtplugMessageException {
    /** Id of the offending message when it could be read, else 0 (part of the serialized form). */
    private final long id;

    /**
     * @param id      Id of the offending message when it could be read, else 0
     * @param message what is wrong, in the protocol's terms
     */
    public DecodeException(long id, String message) {
        super(message);
        this.id = id;
    }

    /**
     * @param id      Id of the offending message when it could be read, else 0
     * @param message what is wrong, in the protocol's terms
     * @param cause   the parser's exception
     */
    public DecodeException(long id, String message, Throwable cause) {
        super(message, cause);
        this.id = id;
    }

    /**
     * Id of the offending message when it could be read, else 0.
     *
     * @return the Id, or 0 when it could not be read
     */
    public long id() {
        return id;
    }
}
