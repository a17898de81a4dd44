package io.github.buttplugjava.cluster.internal;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Every node publishes a heartbeat on {@code <c>.hb.<node>} each interval and listens to the
 * others'. A node at the far end of a bridged link that stays silent past the timeout is taken
 * for gone and those links are closed here, so an entry node closes the links of a killed owner
 * (and an owner the links of a killed entry node) within timeout + interval.
 */
public final class Heartbeats implements AutoCloseable {

    /**
     * Most other nodes remembered. When full, a newcomer takes the place of the node silent the
     * longest, if that one is silent past the timeout; with every remembered node alive, the
     * newcomer is not remembered and links bridged with it are closed as with a silent node.
     */
    static final int MAX_NODES = 256;

    private static final Logger log = LoggerFactory.getLogger(Heartbeats.class);

    private final Connection nats;
    private final Subjects subjects;
    private final String node;
    private final Bridges bridges;
    private final long timeoutNanos;
    private final LongSupplier nanos;
    private final Map<String, Long> lastSeen = new ConcurrentHashMap<>();
    private final Dispatcher dispatcher;
    private final ScheduledFuture<?> beat;

    /**
     * Starts beating and watching.
     *
     * @param nats     the connection
     * @param subjects the cluster's subjects
     * @param node     this node's name
     * @param bridges  the bridged links to close when their far node goes silent
     * @param timers   where the beat runs
     * @param interval how often to beat and check
     * @param timeout  silence after which a node is taken for gone
     */
    public Heartbeats(Connection nats, Subjects subjects, String node, Bridges bridges, ScheduledExecutorService timers,
                      Duration interval, Duration timeout) {
        this(nats, subjects, node, bridges, timers, interval, timeout, System::nanoTime);
    }

    /** As above, on the given monotonic clock (a test's virtual time). */
    Heartbeats(Connection nats, Subjects subjects, String node, Bridges bridges, ScheduledExecutorService timers,
               Duration interval, Duration timeout, LongSupplier nanos) {
        this.nanos = nanos;
        this.nats = nats;
        this.subjects = subjects;
        this.node = node;
        this.bridges = bridges;
        this.timeoutNanos = timeout.toNanos();
        this.dispatcher = nats.createDispatcher(m -> {
            String from = m.getSubject().substring(m.getSubject().lastIndexOf('.') + 1);
            if (!from.equals(node)) { // its own beats come back too: a node does not watch itself
                remember(from, true);
            }
        });
        dispatcher.subscribe(subjects.heartbeats());
        long every = interval.toMillis();
        this.beat = timers.scheduleAtFixedRate(this::tick, 0, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Counts {@code peer} as heard from now if it was never heard from (a node that just started
     * and took a room may not have beaten yet). A node heard from before keeps its last beat:
     * links to it must not keep a silent node alive.
     *
     * @param peer a node's name
     */
    void heard(String peer) {
        remember(peer, false);
    }

    /**
     * Whether {@code peer} is remembered (heard from, or counted as heard).
     *
     * @param peer a node's name
     * @return true when remembered
     */
    boolean remembers(String peer) {
        return lastSeen.containsKey(peer);
    }

    /** Counts {@code peer} as heard now (a beat), or only when it was not remembered ({@code beat} false). */
    private void remember(String peer, boolean beat) {
        long now = nanos.getAsLong();
        if (beat ? lastSeen.computeIfPresent(peer, (k, v) -> now) != null : lastSeen.containsKey(peer)) {
            return; // remembered: a beat moves its time (never past the bound), a mention does not
        }
        synchronized (lastSeen) {
            if (lastSeen.size() >= MAX_NODES && !forgetOneSilent(now)) {
                return;
            }
            lastSeen.putIfAbsent(peer, now);
        }
    }

    /** Forgets the node silent the longest when it is silent past the timeout; false when none is. */
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

    /**
     * Whether {@code peer} has been heard from and then silent past the timeout. A node never heard
     * from (this node just started, or it just did) is not taken for gone: a bridge to it is tried,
     * and its owner's answer (or its deadline) settles it.
     *
     * @param peer a node's name
     * @return true when it is taken for gone
     */
    boolean silent(String peer) {
        Long seen = lastSeen.get(peer);
        return seen != null && nanos.getAsLong() - seen > timeoutNanos;
    }

    private void tick() {
        try {
            if (nats.getStatus() == Connection.Status.CONNECTED) {
                nats.publish(subjects.heartbeat(node), new byte[0]);
            }
            long now = nanos.getAsLong();
            for (String peer : bridges.peers()) {
                Long seen = lastSeen.get(peer);
                if (seen == null || now - seen > timeoutNanos) {
                    log.warn("cluster node {} is silent: closing the links bridged with it", peer);
                    bridges.closePeer(peer, "cluster node " + peer + " is gone");
                }
            }
        } catch (RuntimeException e) {
            log.warn("heartbeat tick failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        beat.cancel(false);
    }
}
