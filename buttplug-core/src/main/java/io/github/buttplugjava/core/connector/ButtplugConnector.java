package io.github.buttplugjava.core.connector;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A bidirectional pipe of text frames.
 *
 * <p>Lifecycle: {@link #connect(FrameListener)} once; frames then flow both ways until either side
 * closes, after which the listener gets exactly one {@link FrameListener#onClosed(Throwable)}. A
 * connector is single-use: after close, make a new one. Methods never block.
 */
public interface ButtplugConnector {

    /**
     * Opens the pipe (dialing out, or adopting an accepted socket). Received frames go to
     * {@code listener}, serially, possibly on an I/O thread: the listener must hand off work.
     *
     * @param listener receives every frame read and, once, the close
     * @return completes when frames can be sent; fails with
     *         {@link io.github.buttplugjava.core.connector.ConnectorException} when it cannot open
     */
    CompletableFuture<Void> connect(FrameListener listener);

    /**
     * Sends one text frame.
     *
     * @param frame one text frame, e.g. a JSON array of messages
     * @return completes when the frame is handed to the transport; fails with
     *         {@link ConnectorException} when the pipe is closed
     */
    CompletableFuture<Void> send(String frame);

    /**
     * Closes the pipe; idempotent. Completes when closed.
     *
     * @return a future completing when the pipe is closed (at once when it already was)
     */
    CompletableFuture<Void> close();

    /**
     * Whether the pipe is open.
     *
     * @return true between a successful {@link #connect} and the close
     */
    boolean isConnected();

    /**
     * Closes the pipe because the peer broke a limit (too fast, too big, not reading). The peer is
     * told {@code reason} where the transport can (WebSocket: close code 1008 with the reason,
     * cut to 123 bytes), and the listener's {@link FrameListener#onClosed(Throwable)} gets a
     * {@link ConnectorException} carrying it. Idempotent, like {@link #close()}; the default
     * simply closes.
     *
     * @param reason why, in words fit for the peer and a log (no secrets)
     * @return a future completing when the pipe is closed
     */
    default CompletableFuture<Void> abort(String reason) {
        return close();
    }

    /**
     * Flow control: asks the transport to stop reading from the peer until {@link #resumeReading()},
     * so a peer that sends faster than the receiver works is slowed by the network (TCP) instead
     * of filling memory. Frames already read may still be delivered after this returns. A paused
     * transport does not count the pause as the peer's silence.
     *
     * @return whether the transport pauses; false (the default) means it cannot, and the receiver
     *         must bound what it queues itself (and {@link #abort} the link when that fills)
     */
    default boolean pauseReading() {
        return false;
    }

    /** Undoes {@link #pauseReading()}; harmless when not paused. */
    default void resumeReading() {
    }

    /**
     * The peer's network address, when the transport has one (for per-address limits and logs).
     *
     * @return the peer's address, or empty when the transport has none (the default)
     */
    default Optional<InetSocketAddress> remoteAddress() {
        return Optional.empty();
    }
}
