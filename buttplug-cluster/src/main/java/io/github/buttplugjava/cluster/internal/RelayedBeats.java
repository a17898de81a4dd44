package io.github.buttplugjava.cluster.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The entry node's side of the hub heartbeat over the bridge (docs/CLUSTER.md, "Hub heartbeats
 * across the bridge"): the bridged agent links whose owner beats on them, by owner node. An
 * owner sends one beat message per tick for all the links this node bridges to it, instead of
 * one frame per link; this node writes the heartbeat frame to each of those links' sockets. A
 * link joins when its owner's first per-link heartbeat frame reaches it (so only links the owner
 * beats are ever beaten here) and leaves when its bridged end closes.
 *
 * <p>Bounded: each link is in at most one set, and only while its end is open; an owner's set goes
 * when it empties or when the owner is taken for gone ({@link #dropOwner}).
 */
final class RelayedBeats {

    /** A bridged agent link that takes the hub heartbeat. */
    interface Target {
        /**
         * Writes one heartbeat frame to the link's socket.
         *
         * @return false when the link has closed (it then leaves its set)
         */
        boolean beat();
    }

    private final Map<String, Set<Target>> byOwner = new ConcurrentHashMap<>();
    private final LongAdder beaten = new LongAdder();

    /** {@code target}, bridged to {@code owner}, is beaten on each of that owner's beats from now on. */
    void add(String owner, Target target) {
        byOwner.compute(owner, (o, set) -> {
            Set<Target> s = set == null ? ConcurrentHashMap.newKeySet() : set;
            s.add(target); // inside the compute: a concurrent remove cannot drop the set under it
            return s;
        });
    }

    /** {@code target} is beaten no more. */
    void remove(String owner, Target target) {
        byOwner.computeIfPresent(owner, (o, set) -> {
            set.remove(target);
            return set.isEmpty() ? null : set;
        });
    }

    /**
     * One beat from {@code owner}: a heartbeat frame to each of its beating links here.
     *
     * @return how many links were beaten
     */
    int beat(String owner) {
        Set<Target> set = byOwner.get(owner);
        if (set == null) {
            return 0;
        }
        int beaten = 0;
        for (Target t : set) {
            if (t.beat()) {
                beaten++;
                this.beaten.increment();
            } else {
                remove(owner, t);
            }
        }
        return beaten;
    }

    /** {@code owner} is gone: its links are closed by the caller and beaten no more. */
    void dropOwner(String owner) {
        byOwner.remove(owner);
    }

    /** Heartbeat frames written to sockets here since the node started (for metrics). */
    long beatsWritten() {
        return beaten.sum();
    }

    /** Links beaten here, for every owner (for tests and metrics). */
    int size() {
        return byOwner.values().stream().mapToInt(Set::size).sum();
    }
}
