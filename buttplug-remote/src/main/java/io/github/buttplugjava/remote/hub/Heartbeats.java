package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.remote.link.Heartbeat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The hub's one heartbeat for all agent links that agreed to it ({@link Heartbeat}): one task on the
 * hub's {@link Scheduling}, every {@link Heartbeat#PERIOD}, runs on the hub's executor (so a
 * stalled hub sends no beats) and writes {@link Heartbeat#FRAME} to each link. No per-link timer,
 * reply or codec pass. The same beats also {@linkplain Member#check() check} each agent once every
 * {@link #CHECK_INTERVAL}, first about one interval after it joined (a Buttplug ping, which notices an
 * agent that stalled with its socket open), so the checks are spread over the beats as the agents
 * joined, never all on one beat. A tick that finds the previous one still running is skipped rather than queued, so a
 * slow hub never piles up beats. The map of members holds at most the hub's agent links.
 */
final class Heartbeats implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Heartbeats.class);

    /**
     * Time between two checks of one agent: the beats keep its watchdog fed, and the checks only
     * notice an agent that stalled (it leaves the room within this plus the hub's reply deadline).
     */
    static final Duration CHECK_INTERVAL = Duration.ofSeconds(20);

    /** Beats in one {@link #CHECK_INTERVAL}: each member is checked on one of them. */
    static final int BEATS_PER_CHECK = (int) (CHECK_INTERVAL.toMillis() / Heartbeat.PERIOD.toMillis());

    /** A link that gets beats, and the agent behind it, checked now and then. */
    interface Member {
        /** The link the beats go to. */
        ButtplugConnector link();

        /** Checks that the agent still answers; it drops the link itself when it does not. */
        void check();
    }

    /** Each member with the beat of a {@link #BEATS_PER_CHECK} cycle it is checked on (cached Integers). */
    private final Map<Member, Integer> links = new ConcurrentHashMap<>();
    private final AtomicBoolean beating = new AtomicBoolean();
    private final Scheduling scheduling;
    /** Beats run so far (only the beat that runs writes it); picks the members checked on a beat. */
    private volatile long beats;
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

    /**
     * Beats on {@code member}'s link from the next tick, and checks it every {@link #CHECK_INTERVAL}
     * from about one interval on (on the {@link #BEATS_PER_CHECK}th beat, counting the next as the
     * first), until {@link #remove}.
     */
    void add(Member member) {
        // the next beat is number `beats`; the first check comes BEATS_PER_CHECK - 1 beats after it
        links.put(member, (int) ((beats + BEATS_PER_CHECK - 1) % BEATS_PER_CHECK));
    }

    /** No more beats or checks for {@code member}. */
    void remove(Member member) {
        links.remove(member);
    }

    /** How many links get beats (for tests and metrics). */
    int size() {
        return links.size();
    }

    /**
     * One beat to every link, and a check of the members whose turn it is (each once in
     * {@link #BEATS_PER_CHECK} beats), on the hub's executor.
     */
    void beat() {
        try {
            long beat = beats;
            beats = beat + 1;
            int turn = (int) (beat % BEATS_PER_CHECK);
            links.forEach((member, checkedOn) -> {
                ButtplugConnector link = member.link();
                if (link.isConnected()) {
                    link.send(Heartbeat.FRAME);
                    if (checkedOn == turn) {
                        check(member);
                    }
                } else {
                    links.remove(member);
                }
            });
        } finally {
            beating.set(false);
        }
    }

    private static void check(Member member) {
        try {
            member.check();
        } catch (RuntimeException e) {
            log.warn("agent check failed to start: {}", e.toString());
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
