package io.github.buttplugjava.remote.agent;

import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.FrameListener;
import io.github.buttplugjava.core.server.ServerSession;
import io.github.buttplugjava.remote.link.Heartbeat;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * The agent's share link as its Buttplug server sees it when the hub agreed to the
 * {@linkplain Heartbeat heartbeat}: each beat counts as a Ping for the server's watchdog
 * ({@link ServerSession#keepAlive()}) and goes no further; every other frame goes to the server.
 * Beats closer together than {@link #MIN_GAP_NANOS} are dropped, so a hub that floods beats makes
 * the agent do no more work than one every 100 ms; a dropped beat can only make a ping-out come
 * earlier, never later. Everything else is the link's.
 */
final class HeartbeatTap implements ButtplugConnector {

    /** Least time between two beats that count: 100 ms. */
    static final long MIN_GAP_NANOS = 100_000_000L;

    private final ButtplugConnector link;
    private final LongSupplier nanoTime;
    /** The session fed by the beats; null until it is serving (beats before that are dropped). */
    private volatile ServerSession session;
    /** When the last beat counted; only read and written on the link's delivering thread. */
    private long lastCounted;
    private boolean counted;

    HeartbeatTap(ButtplugConnector link, LongSupplier nanoTime) {
        this.link = link;
        this.nanoTime = nanoTime;
    }

    /** From now on, beats feed {@code session}'s ping watchdog. */
    void feed(ServerSession session) {
        this.session = session;
    }

    @Override
    public CompletableFuture<Void> connect(FrameListener listener) {
        return link.connect(new FrameListener() {
            @Override
            public void onFrame(String frame) {
                if (Heartbeat.isHeartbeat(frame)) {
                    beat();
                } else {
                    listener.onFrame(frame);
                }
            }

            @Override
            public void onClosed(Throwable cause) {
                listener.onClosed(cause);
            }
        });
    }

    private synchronized void beat() {
        ServerSession s = session;
        long now = nanoTime.getAsLong();
        if (s == null || (counted && now - lastCounted < MIN_GAP_NANOS)) {
            return;
        }
        counted = true;
        lastCounted = now;
        s.keepAlive();
    }

    @Override
    public CompletableFuture<Void> send(String frame) {
        return link.send(frame);
    }

    @Override
    public CompletableFuture<Void> close() {
        return link.close();
    }

    @Override
    public boolean isConnected() {
        return link.isConnected();
    }

    @Override
    public CompletableFuture<Void> abort(String reason) {
        return link.abort(reason);
    }

    @Override
    public boolean pauseReading() {
        return link.pauseReading();
    }

    @Override
    public void resumeReading() {
        link.resumeReading();
    }

    @Override
    public Optional<InetSocketAddress> remoteAddress() {
        return link.remoteAddress();
    }
}
