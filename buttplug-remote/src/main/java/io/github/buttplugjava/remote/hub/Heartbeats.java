package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.remote.link.Heartbeat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The hub's one heartbeat for all agent links that agreed to it ({@link Heartbeat}): one task on the
 * hub's {@link Scheduling}, every {@link Heartbeat#PERIOD}, runs on the hub's executor (so a
 * stalled hub sends no beats) and writes {@link Heartbeat#FRAME} to each link. No per-link timer,
 * reply or codec pass. A tick that finds the previous one still running is skipped rather than
 * queued, so a slow hub never piles up beats. The set holds at most the hub's agent links.
 */
final class Heartbeats implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Heartbeats.class);

    private final Set<ButtplugConnector> links = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean beating = new AtomicBoolean();
    private final Scheduling scheduling;
    private ScheduledFuture<?> ticks;
    private boolean closed;

    /** Beats on {@code scheduling} once {@linkplain #start() started}. */
    Heartbeats(Scheduling scheduling) {
        this.scheduling = scheduling;
    }

    /** Starts the ticks; does nothing when started or closed before. */
    synchronized void start() {
        if (ticks != null || closed) {
            return;
        }
        long period = Heartbeat.PERIOD.toNanos();
        ticks = scheduling.scheduler().scheduleAtFixedRate(() -> {
            if (beating.compareAndSet(false, true)) {
                try {
                    scheduling.executor().execute(this::beat);
                } catch (RuntimeException e) {
                    beating.set(false);
                    log.debug("heartbeat not run: {}", e.toString());
                }
            }
        }, period, period, TimeUnit.NANOSECONDS);
    }

    /** Beats on {@code link} from the next tick until {@link #remove}. */
    void add(ButtplugConnector link) {
        links.add(link);
    }

    /** No more beats on {@code link}. */
    void remove(ButtplugConnector link) {
        links.remove(link);
    }

    /** How many links get beats (for tests and metrics). */
    int size() {
        return links.size();
    }

    /** One beat to every link, on the hub's executor. */
    void beat() {
        try {
            for (ButtplugConnector link : links) {
                if (link.isConnected()) {
                    link.send(Heartbeat.FRAME);
                } else {
                    links.remove(link);
                }
            }
        } finally {
            beating.set(false);
        }
    }

    /** Stops beating; links are left as they are. */
    @Override
    public synchronized void close() {
        closed = true;
        if (ticks != null) {
            ticks.cancel(false);
        }
        links.clear();
    }
}
