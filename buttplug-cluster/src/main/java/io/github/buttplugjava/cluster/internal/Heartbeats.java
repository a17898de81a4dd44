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

/**
 * Every node publishes a heartbeat on {@code <c>.hb.<node>} each interval and listens to the
 * others'. A node at the far end of a bridged link that stays silent past the timeout is taken
 * for gone and those links are closed here, so an entry node closes the links of a killed owner
 * (and an owner the links of a killed entry node) within timeout + interval.
 */
public final class Heartbeats implements AutoCloseable {

    /** Most other nodes remembered. */
    static final int MAX_NODES = 256;

    private static final Logger log = LoggerFactory.getLogger(Heartbeats.class);

    private final Connection nats;
    private final Subjects subjects;
    private final String node;
    private final Bridges bridges;
    private final long timeoutNanos;
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
        this.nats = nats;
        this.subjects = subjects;
        this.node = node;
        this.bridges = bridges;
        this.timeoutNanos = timeout.toNanos();
        this.dispatcher = nats.createDispatcher(m -> {
            String from = m.getSubject().substring(m.getSubject().lastIndexOf('.') + 1);
            if (lastSeen.containsKey(from) || lastSeen.size() < MAX_NODES) {
                lastSeen.put(from, System.nanoTime());
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
        if (lastSeen.size() < MAX_NODES) {
            lastSeen.putIfAbsent(peer, System.nanoTime());
        }
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
        return seen != null && System.nanoTime() - seen > timeoutNanos;
    }

    private void tick() {
        try {
            if (nats.getStatus() == Connection.Status.CONNECTED) {
                nats.publish(subjects.heartbeat(node), new byte[0]);
            }
            long now = System.nanoTime();
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
