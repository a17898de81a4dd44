package io.github.buttplugjava.cluster.internal;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Every node publishes a heartbeat on {@code <c>.hb.<node>} each interval and listens to the
 * others'. A node at the far end of a bridged link that stays silent past the timeout is taken
 * for gone and those links are closed here, so an entry node closes the links of a killed owner
 * (and an owner the links of a killed entry node) within timeout + interval.
 *
 * <p>Beats go over the node's liveness connection, which carries no bridged frames, so a busy
 * bridge cannot make them late; and a tick that runs late here judges nobody ({@link PeerSilence}).
 */
public final class Heartbeats implements AutoCloseable {

    /**
     * Most other nodes remembered. Past it a newcomer takes the place of the node silent the
     * longest, if that one is silent past the timeout; with all of them alive the newcomer is not
     * remembered, and a link bridged with it is closed as with a silent node.
     */
    static final int MAX_NODES = 256;

    private static final Logger log = LoggerFactory.getLogger(Heartbeats.class);

    private final Connection liveness;
    private final Subjects subjects;
    private final String node;
    private final Bridges bridges;
    private final PeerSilence silence;
    private final Dispatcher dispatcher;
    private final ScheduledFuture<?> beat;
    private long lateTicks;

    /**
     * Starts beating and watching.
     *
     * @param liveness the connection for beats (not the one carrying bridged frames)
     * @param subjects the cluster's subjects
     * @param node     this node's name
     * @param bridges  the bridged links to close when their far node goes silent
     * @param timers   where the beat runs
     * @param interval how often to beat and check
     * @param timeout  silence after which a node is taken for gone
     */
    public Heartbeats(Connection liveness, Subjects subjects, String node, Bridges bridges, ScheduledExecutorService timers,
                      Duration interval, Duration timeout) {
        this(liveness, subjects, node, bridges, timers, interval, timeout, System::nanoTime);
    }

    /** As above, on the given monotonic clock (a test's virtual time). */
    Heartbeats(Connection liveness, Subjects subjects, String node, Bridges bridges, ScheduledExecutorService timers,
               Duration interval, Duration timeout, LongSupplier nanos) {
        this.liveness = liveness;
        this.subjects = subjects;
        this.node = node;
        this.bridges = bridges;
        this.silence = new PeerSilence(nanos, interval.toNanos(), timeout.toNanos(), MAX_NODES);
        this.dispatcher = liveness.createDispatcher(m -> {
            String from = m.getSubject().substring(m.getSubject().lastIndexOf('.') + 1);
            if (!from.equals(node)) { // its own beats come back too: a node does not watch itself
                silence.beat(from);
            }
        });
        dispatcher.subscribe(subjects.heartbeats());
        long every = interval.toMillis();
        // fixed delay, not rate: after a stall the next tick comes one interval later (the reader
        // catches up meanwhile), not at once to make up for the missed ones
        this.beat = timers.scheduleWithFixedDelay(this::tick, 0, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Counts {@code peer} as heard from now if it was never heard from (a node that just started
     * and took a room may not have beaten yet). A node heard from before keeps its last beat:
     * links to it must not keep a silent node alive.
     *
     * @param peer a node's name
     */
    void heard(String peer) {
        silence.heard(peer);
    }

    /**
     * Whether {@code peer} is remembered (heard from, or counted as heard).
     *
     * @param peer a node's name
     * @return true when remembered
     */
    boolean remembers(String peer) {
        return silence.remembers(peer);
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
        return silence.silent(peer);
    }

    private void tick() {
        try {
            if (liveness.getStatus() == Connection.Status.CONNECTED) {
                liveness.publish(subjects.heartbeat(node), new byte[0]);
            }
            PeerSilence.Judgment j = silence.judge(bridges.peers());
            if (!j.judged()) {
                lateTicks++;
                log.warn("this node's heartbeat tick ran {} ms late (CPU starved or paused?): no peer judged silent "
                        + "this tick ({} late ticks so far)", TimeUnit.NANOSECONDS.toMillis(j.tickLateNanos()), lateTicks);
                return;
            }
            for (PeerSilence.Silent s : j.silent()) {
                int closed = bridges.closePeer(s.peer(), "cluster node " + s.peer() + " is gone");
                log.warn("cluster node {} is silent ({}; this tick {} ms late): closed {} links bridged with it",
                        s.peer(), s.lastHeardNanosAgo() < 0 ? "never heard from"
                                : "last beat " + TimeUnit.NANOSECONDS.toMillis(s.lastHeardNanosAgo()) + " ms ago",
                        TimeUnit.NANOSECONDS.toMillis(j.tickLateNanos()), closed);
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
