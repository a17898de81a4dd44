package io.github.buttplugjava.core.connector;

/**
 * The other side closed the link with a status code that is not a normal close (a WebSocket close
 * code, RFC 6455 section 7.4). {@link #temporary()} tells a dialer whether trying again later makes
 * sense: a server shedding load (1013, "try again later") or restarting (1012) is temporary, a
 * policy refusal (1008) is not.
 */
public class PeerClosedException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    /** 1012: the server is restarting. */
    public static final int SERVICE_RESTART = 1012;
    /** 1013: the server is overloaded or shedding connections; try again later. */
    public static final int TRY_AGAIN_LATER = 1013;

    /** The WebSocket status code the peer closed with. */
    private final int closeCode;

    /**
     * An exception for a close with {@code closeCode}.
     *
     * @param message   what happened, with the peer's reason already cleaned for logs
     * @param closeCode the status code the peer closed with
     */
    public PeerClosedException(String message, int closeCode) {
        super(message);
        this.closeCode = closeCode;
    }

    /**
     * The status code the peer closed with.
     *
     * @return the close code, e.g. 1008 or 1013
     */
    public int closeCode() {
        return closeCode;
    }

    /**
     * Whether the close says the condition is temporary (1012 or 1013), so dialing again later may
     * succeed.
     *
     * @return true for a restart or an overload
     */
    public boolean temporary() {
        return closeCode == SERVICE_RESTART || closeCode == TRY_AGAIN_LATER;
    }

    /**
     * Whether the close is the peer refusing what this side sent or asked for (1002 protocol
     * error, 1003 unsupported data, 1007 invalid payload, 1008 policy violation, 1009 too big,
     * 1010 a missing extension): dialing again the same way meets the same refusal. A server error
     * (1011), a restart or overload ({@link #temporary()}) and other codes are not refusals.
     *
     * @return true for the codes above
     */
    public boolean refusal() {
        return switch (closeCode) {
            case 1002, 1003, 1007, 1008, 1009, 1010 -> true;
            default -> false;
        };
    }
}
