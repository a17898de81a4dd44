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
 * holds it), renews it every third of the TTL with an update at the revision it holds, and counts
 * the room lost when an update is refused (somebody else holds it) or when no renewal has been
 * sent successfully for TTL minus a sixth (NATS unreachable): then the bucket may already have
 * dropped the lease, so the room is given up before another node can take it. No room is thus
 * served by two nodes, even across a partition, as long as clocks tick at the same rate.
 */
public final class Leases implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Leases.class);

    private final Connection nats;
    private final KeyValue kv;
    private final LeaseHolder me;
    private final long giveUpNanos;
    private final Consumer<String> lost;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> renewal;

    private record Held(long revision, long renewedAtNanos) {
    }

    private Leases(Connection nats, KeyValue kv, LeaseHolder me, Duration ttl, Consumer<String> lost,
                   ScheduledExecutorService timers) {
        this.nats = nats;
        this.kv = kv;
        this.me = me;
        this.giveUpNanos = ttl.toNanos() - ttl.toNanos() / 6;
        this.lost = lost;
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
                    .name(subjects.leasesBucket()).maxHistoryPerKey(1).ttl(ttl).storageType(StorageType.Memory).build());
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
        long sentAt = System.nanoTime();
        try {
            long rev = kv.create(room, me.encode());
            held.put(room, new Held(rev, sentAt));
            return true;
        } catch (JetStreamApiException e) {
            return false; // somebody holds it
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
     * Gives a lease back (best effort; it expires anyway).
     *
     * @param room a room's name
     */
    public void release(String room) {
        Held h = held.remove(room);
        if (h != null && nats.getStatus() == Connection.Status.CONNECTED) {
            try {
                kv.delete(room, h.revision());
            } catch (IOException | JetStreamApiException e) {
                log.debug("lease of {} not released ({}); it expires", room, e.toString());
            }
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
        long now = System.nanoTime();
        for (Map.Entry<String, Held> e : List.copyOf(held.entrySet())) {
            if (now - e.getValue().renewedAtNanos() > giveUpNanos) {
                drop(e.getKey(), "not renewed in time (NATS unreachable?)");
            }
        }
        if (nats.getStatus() != Connection.Status.CONNECTED) {
            return;
        }
        for (Map.Entry<String, Held> e : List.copyOf(held.entrySet())) {
            long sentAt = System.nanoTime();
            try {
                long rev = kv.update(e.getKey(), me.encode(), e.getValue().revision());
                held.replace(e.getKey(), e.getValue(), new Held(rev, sentAt));
            } catch (JetStreamApiException refused) {
                drop(e.getKey(), "held by another node now");
            } catch (IOException | RuntimeException unreachable) {
                log.debug("lease of {} not renewed: {}", e.getKey(), unreachable.toString());
            }
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
