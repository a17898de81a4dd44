package io.github.buttplugjava.cluster.internal;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamOptions;
import io.nats.client.KeyValue;
import io.nats.client.KeyValueOptions;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.StorageType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Room ownership leases in a JetStream key-value bucket whose entries expire after the lease TTL
 * (the bucket's max age): a node takes a room with a create (which only succeeds when nobody
 * holds it) and renews it every third of the TTL with an update at the revision it holds. A
 * refused update means the lease expired or moved: when nobody holds it now the node takes it
 * again (it kept serving the room), else the room is lost here and closed.
 *
 * <p>While NATS is unreachable the node keeps its rooms (their direct links keep working) and
 * renews nothing; when NATS is back the first renewal settles it as above, so the cluster
 * converges on one owner per room without a restart. With NATS down nobody can take a lease, so
 * no room is owned twice; a node cut off alone while the others still reach NATS serves its
 * direct links until it is back (docs/CLUSTER.md, "partitions").
 */
public final class Leases implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Leases.class);

    private final Connection nats;
    private final KeyValue kv;
    private final LeaseHolder me;
    private final Consumer<String> lost;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final ScheduledExecutorService timers;
    private volatile long quietUntilNanos;
    private final ScheduledFuture<?> renewal;

    /** A lease held at {@code revision}, last written (taken or renewed) at {@code writtenNanos}. */
    private record Held(long revision, long writtenNanos) {
    }

    private Leases(Connection nats, KeyValue kv, LeaseHolder me, Duration ttl, Consumer<String> lost,
                   ScheduledExecutorService timers) {
        this.nats = nats;
        this.kv = kv;
        this.me = me;
        this.lost = lost;
        this.ttlNanos = ttl.toNanos();
        this.timers = timers;
        long every = Math.max(50, ttl.toMillis() / 3);
        this.renewal = timers.scheduleWithFixedDelay(this::renewAll, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Opens (creating when missing) the leases bucket and starts renewing.
     *
     * @param nats     the connection
     * @param subjects the cluster's names
     * @param me       this node in this run
     * @param ttl      the lease TTL (the same on every node: the bucket is made with the first one)
     * @param lost     told the name of each room whose lease this node lost
     * @param timers   where renewals run (they block on NATS: not a thread shared with beats)
     * @return the leases
     * @throws IOException when JetStream cannot be used
     */
    public static Leases open(Connection nats, Subjects subjects, LeaseHolder me, Duration ttl, Consumer<String> lost,
                              ScheduledExecutorService timers) throws IOException {
        try {
            RoomStore.ensureBucket(nats.keyValueManagement(), KeyValueConfiguration.builder()
                    .name(subjects.leasesBucket()).maxHistoryPerKey(1).ttl(ttl).storageType(StorageType.File).build());
            KeyValueOptions fast = KeyValueOptions.builder().jetStreamOptions(JetStreamOptions.builder()
                    .requestTimeout(Duration.ofMillis(Math.max(200, ttl.toMillis() / 6))).build()).build();
            return new Leases(nats, nats.keyValue(subjects.leasesBucket(), fast), me, ttl, lost, timers);
        } catch (JetStreamApiException e) {
            throw new IOException("JetStream refused the leases bucket: " + e.getMessage(), e);
        }
    }

    /**
     * Who holds the lease of {@code room} now.
     *
     * @param room a room's name
     * @return the holder, or empty when nobody does
     * @throws IOException when NATS cannot answer
     */
    public Optional<LeaseHolder> holder(String room) throws IOException {
        try {
            KeyValueEntry e = kv.get(room);
            if (e == null || e.getOperation() != KeyValueOperation.PUT || e.getValue() == null) {
                return Optional.empty();
            }
            return Optional.of(LeaseHolder.decode(e.getValue()));
        } catch (JetStreamApiException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * Takes the lease of {@code room} when nobody holds it.
     *
     * @param room a room's name
     * @return true when this node holds it now
     * @throws IOException when NATS cannot answer
     */
    public boolean acquire(String room) throws IOException {
        if (System.nanoTime() - quietUntilNanos < 0) {
            return false; // just back from an outage: the rooms' former owners retake them first
        }
        try {
            long rev = kv.create(room, me.encode());
            held.put(room, new Held(rev, System.nanoTime()));
            log.info("cluster room {}: lease taken by this node ({})", room, me.node());
            return true;
        } catch (JetStreamApiException e) {
            return false; // somebody holds it
        }
    }

    /**
     * NATS is back after an outage: this node renews (or retakes) the leases it kept at once, and
     * takes no new lease for one TTL, so the nodes that kept serving their rooms get them back
     * before anyone else can take them.
     */
    public void reconnected() {
        quietUntilNanos = System.nanoTime() + ttlNanos;
        try {
            timers.execute(this::renewAll);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the node is closing
        }
    }

    /**
     * Whether this node holds {@code room}'s lease.
     *
     * @param room a room's name
     * @return true while held
     */
    public boolean holds(String room) {
        return held.containsKey(room);
    }

    /**
     * Gives a lease back now, waiting for NATS (best effort; it expires anyway). For threads that
     * may wait; a thread that serves others uses {@link #releaseSoon}.
     *
     * @param room a room's name
     */
    public void release(String room) {
        Held h = held.remove(room);
        if (h != null) {
            delete(room, h);
        }
    }

    /**
     * Gives a lease back without waiting: this node stops holding it at once ({@link #holds} is
     * false on return) and the delete in NATS runs on the leases' own thread, after what was
     * handed to it before (in order). Bounded: at most one delete per lease held.
     *
     * @param room a room's name
     */
    public void releaseSoon(String room) {
        Held h = held.remove(room);
        if (h == null) {
            return;
        }
        try {
            timers.execute(() -> delete(room, h));
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            log.debug("lease of {} not released (the node is closing); it expires", room);
        }
    }

    private void delete(String room, Held h) {
        if (nats.getStatus() != Connection.Status.CONNECTED) {
            return;
        }
        try {
            kv.delete(room, h.revision());
        } catch (IOException | JetStreamApiException | RuntimeException e) {
            log.debug("lease of {} not released ({}); it expires", room, e.toString());
        }
    }

    /**
     * Rooms whose lease this node holds.
     *
     * @return their names
     */
    public List<String> held() {
        return List.copyOf(held.keySet());
    }

    private void renewAll() {
        if (nats.getStatus() != Connection.Status.CONNECTED) {
            return;
        }
        for (Map.Entry<String, Held> e : List.copyOf(held.entrySet())) {
            String room = e.getKey();
            try {
                long start = System.nanoTime();
                long rev = kv.update(room, me.encode(), e.getValue().revision());
                long now = System.nanoTime();
                held.replace(room, e.getValue(), new Held(rev, now));
                long sinceLast = now - e.getValue().writtenNanos();
                if (sinceLast > ttlNanos * 2 / 3) {
                    log.warn("cluster room {}: lease renewed {} ms after the last write (TTL {} ms; the update took {} ms)",
                            room, TimeUnit.NANOSECONDS.toMillis(sinceLast), TimeUnit.NANOSECONDS.toMillis(ttlNanos),
                            TimeUnit.NANOSECONDS.toMillis(now - start));
                }
            } catch (JetStreamApiException refused) {
                log.warn("cluster room {}: lease renewal refused ({} ms after the last write): {}", room,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - e.getValue().writtenNanos()), refused.getMessage());
                retake(room, e.getValue());
            } catch (IOException | RuntimeException unreachable) {
                log.warn("cluster room {}: lease not renewed ({} ms after the last write; TTL {} ms): {}", room,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - e.getValue().writtenNanos()),
                        TimeUnit.NANOSECONDS.toMillis(ttlNanos), unreachable.toString());
            }
        }
    }

    /**
     * The update was refused, so the lease's revision is not the one held here. Three cases, told
     * apart by reading the lease:
     * <ul>
     *   <li>it names this node in this run: an earlier renewal whose answer came too late (a
     *       request timeout) did land; its revision is adopted and the lease renewed at once (before,
     *       the room was dropped here as if another node held it, and the lease lapsed: ownership
     *       moved under load with nobody else to blame, docs/PERFORMANCE.md);</li>
     *   <li>nobody holds it (it expired, NATS was away): taken again;</li>
     *   <li>another node holds it: the room is lost here and closed.</li>
     * </ul>
     */
    private void retake(String room, Held old) {
        try {
            KeyValueEntry now = kv.get(room);
            boolean vacant = now == null || now.getOperation() != KeyValueOperation.PUT || now.getValue() == null;
            if (!vacant && LeaseHolder.decode(now.getValue()).equals(me)) {
                long rev = kv.update(room, me.encode(), now.getRevision());
                held.replace(room, old, new Held(rev, System.nanoTime()));
                log.info("cluster room {}: a renewal whose answer was late had landed; lease renewed at its revision", room);
                return;
            }
            if (!vacant) {
                drop(room, "held by " + LeaseHolder.decode(now.getValue()).node() + " now");
                return;
            }
            long rev = kv.create(room, me.encode());
            held.replace(room, old, new Held(rev, System.nanoTime()));
            log.info("cluster room {}: lease had expired (NATS was away?); taken again", room);
        } catch (JetStreamApiException taken) {
            drop(room, "held by another node now");
        } catch (IOException | RuntimeException unreachable) {
            log.warn("cluster room {}: lease not retaken: {}", room, unreachable.toString());
        }
    }

    private void drop(String room, String why) {
        if (held.remove(room) != null) {
            log.warn("cluster room {}: lease lost ({}); closing it here", room, why);
            lost.accept(room);
        }
    }

    @Override
    public void close() {
        renewal.cancel(false);
        held().forEach(this::release);
    }
}
