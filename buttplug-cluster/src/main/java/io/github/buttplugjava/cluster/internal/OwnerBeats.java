package io.github.buttplugjava.cluster.internal;

import io.github.buttplugjava.remote.link.Heartbeat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The owner's side of the hub heartbeat over the bridge (docs/CLUSTER.md, "Hub heartbeats across
 * the bridge"): the hub's heartbeat tick writes a beat to every agent link, and for the links
 * bridged from one entry node this sends one beat message to that node, not one frame per link.
 * The first beat in {@link #MIN_GAP} per entry node is sent, the others of the same tick are
 * dropped; so a beat still leaves only when the hub's tick ran (a stalled hub sends none, and the
 * entry node's links stop getting beats as a direct link would), and beats never leave more often
 * than the tick.
 *
 * <p>Bounded: one entry per node that has a beating link bridged here; entries not used for
 * {@link #FORGET_AFTER_NANOS} are dropped when more than {@link #PRUNE_ABOVE} are held.
 */
final class OwnerBeats {

    /** Beats to one entry node closer together than this are one beat: half the hub's beat period. */
    static final Duration MIN_GAP = Heartbeat.PERIOD.dividedBy(2);
    static final int PRUNE_ABOVE = 256;
    static final long FORGET_AFTER_NANOS = 10_000_000_000L;

    private final Map<String, Long> last = new ConcurrentHashMap<>();
    private final Consumer<String> publish;
    private final LongSupplier nanos;
    private final long minGapNanos = MIN_GAP.toNanos();

    /**
     * @param publish sends one beat message to the named entry node
     * @param nanos   a monotonic clock ({@code System::nanoTime}; a test's own)
     */
    OwnerBeats(Consumer<String> publish, LongSupplier nanos) {
        this.publish = publish;
        this.nanos = nanos;
    }

    /**
     * The hub beat a link bridged from {@code entry}: the beat message goes unless one went to that
     * node less than {@link #MIN_GAP} ago.
     *
     * @param entry the entry node of the link
     * @return whether a beat message was sent
     */
    boolean beat(String entry) {
        long now = nanos.getAsLong();
        Long prev = last.get(entry);
        if (prev != null && now - prev < minGapNanos) {
            return false;
        }
        boolean mine = prev == null ? last.putIfAbsent(entry, now) == null : last.replace(entry, prev, now);
        if (!mine) {
            return false; // another thread sent this one
        }
        if (last.size() > PRUNE_ABOVE) {
            last.values().removeIf(t -> now - t > FORGET_AFTER_NANOS);
        }
        publish.accept(entry);
        return true;
    }

    /** Entry nodes remembered (for tests). */
    int size() {
        return last.size();
    }
}
