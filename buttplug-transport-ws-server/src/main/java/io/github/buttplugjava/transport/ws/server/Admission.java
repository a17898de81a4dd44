package io.github.buttplugjava.transport.ws.server;

import java.util.Objects;

/**
 * A {@link ConnectionHandler}'s answer for one accepted socket: take it, or refuse it with a reason
 * the client sees in the close frame (code 1008, policy violation).
 *
 * @param accepted whether the handler took the connection
 * @param reason why it was refused (empty when accepted); sent to the client (at most 123 UTF-8
 *               bytes) and logged, so it must not hold secrets such as the token of the path
 */
public record Admission(boolean accepted, String reason) {

    private static final Admission ACCEPTED = new Admission(true, "");

    /**
     * Validates the reason.
     *
     * @param accepted whether the handler took the connection
     * @param reason why it was refused, empty when accepted; a longer reason is cut to 123 UTF-8
     *               bytes in the close frame
     * @throws NullPointerException when {@code reason} is null
     */
    public Admission {
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * The handler took the connection (and has called, or will call, {@code connect} on it).
     *
     * @return the one shared accepting answer, with an empty reason
     */
    public static Admission accept() {
        return ACCEPTED;
    }

    /**
     * The handler refuses the connection; the socket is closed with code 1008 and this reason.
     *
     * @param reason what the client sees in the close frame (cut to 123 UTF-8 bytes) and what is
     *               logged; must not hold secrets such as the path's token
     * @return a refusing answer
     * @throws NullPointerException when {@code reason} is null
     */
    public static Admission refuse(String reason) {
        return new Admission(false, reason);
    }
}
