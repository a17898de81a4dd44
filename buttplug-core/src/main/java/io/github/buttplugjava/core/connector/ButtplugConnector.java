package io.github.buttplugjava.core.connector;

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
     * @return completes when frames can be sent; fails with
     *         {@link io.github.buttplugjava.core.connector.ConnectorException} when it cannot open
     */
    CompletableFuture<Void> connect(FrameListener listener);

    /**
     * Sends one text frame.
     *
     * @return completes when the frame is handed to the transport; fails with
     *         {@link ConnectorException} when the pipe is closed
     */
    CompletableFuture<Void> send(String frame);

    /** Closes the pipe; idempotent. Completes when closed. */
    CompletableFuture<Void> close();

    /** Whether the pipe is open. */
    boolean isConnected();
}
