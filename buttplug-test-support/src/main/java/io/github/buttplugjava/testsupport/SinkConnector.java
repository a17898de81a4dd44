package io.github.buttplugjava.testsupport;

import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.FrameListener;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A link with nobody at the far end: records every frame sent on it, connects at once, and is
 * connected until closed. For tests of code that writes to links (heartbeats, relays).
 */
public final class SinkConnector implements ButtplugConnector {

    private final List<String> sent = new CopyOnWriteArrayList<>();
    private volatile boolean connected = true;

    /** A connected sink. */
    public SinkConnector() {
    }

    /**
     * The frames sent so far, in order (a live view; safe to read from any thread).
     *
     * @return the frames
     */
    public List<String> sent() {
        return sent;
    }

    /**
     * How many frames sent so far are exactly {@code frame}.
     *
     * @param frame the frame to count
     * @return the count
     */
    public long count(String frame) {
        return sent.stream().filter(frame::equals).count();
    }

    @Override
    public CompletableFuture<Void> connect(FrameListener listener) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> send(String frame) {
        sent.add(frame);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> close() {
        connected = false;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean isConnected() {
        return connected;
    }
}
