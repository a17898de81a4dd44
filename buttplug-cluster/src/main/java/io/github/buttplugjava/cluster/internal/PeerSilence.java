package io.github.buttplugjava.cluster.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * When other nodes were last heard from, and which of them are silent past the timeout: the
 * judgment behind {@link Heartbeats}, on a clock of its own so it can be tested.
 *
 * <p><b>Self-lateness is not peer silence.</b> A judgment ({@link #judge}) runs at every beat
 * tick. When this node's own tick comes late (its JVM was starved of CPU or paused, or its
 * threads were busy), the peers' beats that arrived meanwhile may still wait unread in this
 * node's socket: their silence is then this node's, not theirs. Such a tick judges nobody; the
 * next tick (one interval later, after the reader caught up) judges, late or not: at most one
 * judgment in a row is skipped, so a node whose ticks are always late still closes the links of a
 * dead peer, one late tick later. {@link #judge} reports how late each tick was.
 */
final class PeerSilence {

    /** What one judgment found. */
    record Judgment(List<Silent> silent, long tickLateNanos, boolean judged) {
    }

    /** A peer taken for gone and how long ago it was last heard from (or never: -1). */
    record Silent(String peer, long lastHeardNanosAgo) {
    }

    private final Map<String, Long> lastSeen = new ConcurrentHashMap<>();
    private final LongSupplier clock;
    private final long intervalNanos;
    private final long timeoutNanos;
    private final int maxPeers;
    private long lastTick;
    private boolean ticked;
    private boolean skippedLast;

    /**
     * @param clock    nanoseconds, monotonic
     * @param interval nanoseconds between ticks
     * @param timeout  nanoseconds of silence after which a peer is taken for gone
     * @param maxPeers most peers remembered
     */
    PeerSilence(LongSupplier clock, long interval, long timeout, int maxPeers) {
        this.clock = clock;
        this.intervalNanos = interval;
        this.timeoutNanos = timeout;
        this.maxPeers = maxPeers;
    }

    /** A beat from {@code peer} was read now. */
    void beat(String peer) {
        long now = clock.getAsLong();
        if (lastSeen.computeIfPresent(peer, (k, v) -> now) == null) {
            remember(peer, now);
        }
    }

    /** Counts {@code peer} as heard from now unless it was heard from before. */
    void heard(String peer) {
        if (!lastSeen.containsKey(peer)) {
            remember(peer, clock.getAsLong());
        }
    }

    /** Whether {@code peer} is remembered (heard from, or counted as heard). */
    boolean remembers(String peer) {
        return lastSeen.containsKey(peer);
    }

    /** Remembers a new peer; when full, in the place of the one silent the longest if it is silent past the timeout. */
    private void remember(String peer, long now) {
        synchronized (lastSeen) {
            if (lastSeen.size() >= maxPeers && !forgetOneSilent(now)) {
                return;
            }
            lastSeen.putIfAbsent(peer, now);
        }
    }

    /** Forgets the peer silent the longest when it is silent past the timeout; false when none is. */
    private boolean forgetOneSilent(long now) {
        Map.Entry<String, Long> oldest = null;
        for (Map.Entry<String, Long> e : lastSeen.entrySet()) {
            if (oldest == null || e.getValue() - oldest.getValue() < 0) {
                oldest = e;
            }
        }
        if (oldest == null || now - oldest.getValue() <= timeoutNanos) {
            return false;
        }
        return lastSeen.remove(oldest.getKey(), oldest.getValue());
    }

    /** Whether {@code peer} was heard from and has been silent past the timeout. */
    boolean silent(String peer) {
        Long seen = lastSeen.get(peer);
        return seen != null && clock.getAsLong() - seen > timeoutNanos;
    }

    /**
     * One tick: which of {@code peers} (the far ends of bridged links) are silent past the timeout.
     * A tick more than half the timeout later than due judges nobody, unless the tick before it
     * was skipped too (see the class comment). Called from one thread.
     *
     * @param peers the nodes to judge
     * @return what was found
     */
    Judgment judge(Collection<String> peers) {
        long now = clock.getAsLong();
        long late = ticked ? Math.max(0, now - lastTick - intervalNanos) : 0;
        ticked = true;
        lastTick = now;
        if (late > timeoutNanos / 2 && !skippedLast) {
            skippedLast = true;
            return new Judgment(List.of(), late, false);
        }
        skippedLast = false;
        List<Silent> silent = new ArrayList<>();
        for (String peer : peers) {
            Long seen = lastSeen.get(peer);
            if (seen == null) {
                silent.add(new Silent(peer, -1));
            } else if (now - seen > timeoutNanos) {
                silent.add(new Silent(peer, now - seen));
            }
        }
        return new Judgment(List.copyOf(silent), late, true);
    }
}
