package io.github.buttplugjava.transport.ws.server;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The keepalive ticks of one server's WebSocket links: per event loop, one periodic task instead of
 * one per link (a hub holds thousands of idle links, and a timer each cost 80 bytes of heap). A
 * loop's links are split into {@link #BUCKETS} buckets by identity hash; every
 * {@code interval / BUCKETS} the task ticks one bucket, so each link is ticked once per interval
 * and the pings of many links never all leave on one tick. The links of a bucket are an intrusive
 * list through {@link ServerLink}'s own fields: adding and removing a link allocates nothing.
 *
 * <p>Each loop's {@link Sweep} is touched only on that loop's thread (links are added from
 * {@code handlerAdded} and removed from {@code channelInactive}, both on the link's loop); its task
 * stops when its last link leaves. A link whose channel closed without telling is dropped on its
 * next tick, so nothing outlives its socket.
 */
final class KeepAliveSweeps {

    /** Buckets per loop: a tick handles one, so a loop's pings leave in this many groups per interval. */
    static final int BUCKETS = 8;

    private final long tickNanos;
    /** Silence after which a tick pings a link: the interval but its last tick, so a pong slower than a tick still leaves the next ping due. */
    private final long pingAfterNanos;
    private final LongSupplier clock;
    private final Map<EventExecutor, Sweep> byLoop = new ConcurrentHashMap<>();

    /** Sweeps ticking each link every {@code interval}; links measure silence with {@link System#nanoTime()}. */
    KeepAliveSweeps(Duration interval) {
        this(interval, System::nanoTime);
    }

    /** The same, with a clock of the test's own for the links' silence (the ticks follow their loop's time). */
    KeepAliveSweeps(Duration interval, LongSupplier clock) {
        this.tickNanos = Math.max(1, interval.toNanos() / BUCKETS);
        this.pingAfterNanos = interval.toNanos() - interval.toNanos() / BUCKETS;
        this.clock = clock;
    }

    /** How long a link must have been silent for its tick to ping it, in nanoseconds. */
    long pingAfterNanos() {
        return pingAfterNanos;
    }

    /** Now, for the links' silence, in nanoseconds. */
    long nanoTime() {
        return clock.getAsLong();
    }

    /** Ticks {@code link} from now on; on {@code loop}, the link's event loop. */
    void add(ServerLink link, EventExecutor loop) {
        byLoop.computeIfAbsent(loop, Sweep::new).add(link);
    }

    /** No more ticks for {@code link}; on its event loop. Does nothing when it was not added. */
    void remove(ServerLink link, EventExecutor loop) {
        Sweep sweep = byLoop.get(loop);
        if (sweep != null) {
            sweep.remove(link);
        }
    }

    /** Links ticked now, over every loop (for tests). */
    int size() {
        return byLoop.values().stream().mapToInt(s -> s.size).sum();
    }

    private static int bucketOf(ServerLink link) {
        return System.identityHashCode(link) & (BUCKETS - 1);
    }

    /** One loop's links and its task; only on that loop. */
    private final class Sweep implements Runnable {
        private final EventExecutor loop;
        private final ServerLink[] heads = new ServerLink[BUCKETS];
        /** Read by {@link #size()} from any thread: a figure for tests, not a guard. */
        private volatile int size;
        private int turn;
        private ScheduledFuture<?> task;

        Sweep(EventExecutor loop) {
            this.loop = loop;
        }

        void add(ServerLink link) {
            if (link.sweepNext != null || link.sweepPrev != null || heads[bucketOf(link)] == link) {
                return; // already here
            }
            int b = bucketOf(link);
            ServerLink head = heads[b];
            link.sweepNext = head;
            if (head != null) {
                head.sweepPrev = link;
            }
            heads[b] = link;
            size++;
            if (task == null) {
                task = loop.scheduleAtFixedRate(this, tickNanos, tickNanos, TimeUnit.NANOSECONDS);
            }
        }

        void remove(ServerLink link) {
            int b = bucketOf(link);
            if (link.sweepPrev == null && heads[b] != link) {
                return; // not here
            }
            if (link.sweepPrev != null) {
                link.sweepPrev.sweepNext = link.sweepNext;
            } else {
                heads[b] = link.sweepNext;
            }
            if (link.sweepNext != null) {
                link.sweepNext.sweepPrev = link.sweepPrev;
            }
            link.sweepNext = null;
            link.sweepPrev = null;
            size--;
            if (size == 0 && task != null) {
                task.cancel(false);
                task = null;
            }
        }

        /** One tick: the links of the bucket whose turn it is. */
        @Override
        public void run() {
            int b = turn;
            turn = (turn + 1) & (BUCKETS - 1);
            ServerLink link = heads[b];
            while (link != null) {
                ServerLink next = link.sweepNext; // a tick may close its link, which then leaves the list
                if (!link.keepAliveTick()) {
                    remove(link);
                }
                link = next;
            }
        }
    }
}
