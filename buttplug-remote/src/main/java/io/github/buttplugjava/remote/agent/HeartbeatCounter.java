package io.github.buttplugjava.remote.agent;

import io.github.buttplugjava.core.server.ServerSession;
import io.github.buttplugjava.remote.link.Heartbeat;

import java.util.function.LongSupplier;

/**
 * Where the hub's {@linkplain Heartbeat heartbeat} lands at an agent that agreed to it (through a
 * {@link FrameTap}): each beat counts as a Ping for the agent's server session
 * ({@link ServerSession#keepAlive()}). Beats closer together than {@link #MIN_GAP_NANOS} are
 * dropped, so a hub that floods beats makes the agent do no more work than one every 100 ms; a
 * dropped beat can only make a ping-out come earlier, never later. Beats before the session is
 * serving are dropped.
 */
final class HeartbeatCounter {

    /** Least time between two beats that count: 100 ms. */
    static final long MIN_GAP_NANOS = 100_000_000L;

    private final LongSupplier nanoTime;
    /** The session fed by the beats; null until it is serving. */
    private volatile ServerSession session;
    private long lastCounted;
    private boolean counted;

    HeartbeatCounter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** From now on, beats feed {@code session}'s ping watchdog. */
    void feed(ServerSession session) {
        this.session = session;
    }

    /** One beat arrived. */
    synchronized void beat() {
        ServerSession s = session;
        long now = nanoTime.getAsLong();
        if (s == null || (counted && now - lastCounted < MIN_GAP_NANOS)) {
            return;
        }
        counted = true;
        lastCounted = now;
        s.keepAlive();
    }
}
