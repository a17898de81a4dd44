package io.github.buttplugjava.core.message;

/** The spec's error classes, carried as a number in the {@code Error} message. */
public enum ErrorCode {
    /** 0: anything else. */
    UNKNOWN(0),
    /** 1: handshake (RequestServerInfo expected, version mismatch, already connected). */
    INIT(1),
    /** 2: ping timeout, or a ping the server does not want. */
    PING(2),
    /** 3: malformed, unknown or not permitted message. */
    MSG(3),
    /** 4: device error (unknown index, feature, range, device failure). */
    DEVICE(4);

    private final int code;

    ErrorCode(int code) {
        this.code = code;
    }

    /**
     * The number sent on the wire.
     *
     * @return the wire number, 0..4
     */
    public int code() {
        return code;
    }

    /**
     * The constant for a wire number.
     *
     * @param code the number from the wire
     * @return the matching constant
     * @throws IllegalArgumentException for a number outside 0..4
     */
    public static ErrorCode of(int code) {
        for (ErrorCode c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown ErrorCode " + code);
    }
}
