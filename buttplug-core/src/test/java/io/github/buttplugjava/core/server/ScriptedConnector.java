package io.github.buttplugjava.core.server;

import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.ConnectorException;
import io.github.buttplugjava.core.connector.FrameListener;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connector the test drives by hand: it delivers frames as if read from a peer, reports the end
 * of the link, records what is sent and whether reading was paused or the link aborted.
 */
final class ScriptedConnector implements ButtplugConnector {

    final List<String> sent = new CopyOnWriteArrayList<>();
    final List<String> aborts = new CopyOnWriteArrayList<>();
    final AtomicInteger pauses = new AtomicInteger();
    final AtomicInteger resumes = new AtomicInteger();
    private final boolean pausable;
    private volatile FrameListener listener;
    private volatile boolean paused;
    private volatile boolean open = true;

    ScriptedConnector(boolean pausable) {
        this.pausable = pausable;
    }

    @Override
    public CompletableFuture<Void> connect(FrameListener frameListener) {
        this.listener = frameListener;
        return CompletableFuture.completedFuture(null);
    }

    /** The peer sent {@code frame}. */
    void deliver(String frame) {
        listener.onFrame(frame);
    }

    /** The link dropped. */
    void drop() {
        if (open) {
            open = false;
            listener.onClosed(new ConnectorException("cut"));
        }
    }

    boolean paused() {
        return paused;
    }

    @Override
    public CompletableFuture<Void> send(String frame) {
        sent.add(frame);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> close() {
        if (open) {
            open = false;
            listener.onClosed(null);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> abort(String reason) {
        aborts.add(reason);
        if (open) {
            open = false;
            listener.onClosed(new ConnectorException(reason));
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean isConnected() {
        return open;
    }

    @Override
    public boolean pauseReading() {
        if (!pausable) {
            return false;
        }
        paused = true;
        pauses.incrementAndGet();
        return true;
    }

    @Override
    public void resumeReading() {
        if (paused) {
            paused = false;
            resumes.incrementAndGet();
        }
    }
}
