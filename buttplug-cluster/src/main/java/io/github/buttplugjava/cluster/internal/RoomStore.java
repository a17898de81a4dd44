package io.github.buttplugjava.cluster.internal;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.KeyValueManagement;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.KeyValueWatcher;
import io.nats.client.api.StorageType;
import io.nats.client.impl.NatsKeyValueWatchSubscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The rooms bucket: room records under {@code room.<name>} and the cluster's token salt under
 * {@code salt}, kept on disk by JetStream. A watch keeps this node's {@link RoomIndex} current.
 */
public final class RoomStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RoomStore.class);
    private static final String SALT = "salt";
    private static final String PREFIX = "room.";
    /** Longest a write made through this node waits for this node's watch to apply it. */
    static final Duration OWN_WRITE_WAIT = Duration.ofSeconds(5);

    /** Told of every change to a stored room, in the order the bucket holds them, on the watch's thread. */
    public interface Changes {
        /**
         * A room was stored or replaced (already in the index).
         *
         * @param record the room as stored now
         */
        void stored(RoomRecord record);

        /**
         * A room was deleted (already gone from the index).
         *
         * @param name the room's name
         */
        void deleted(String name);

        /** Nobody listens. */
        Changes NONE = new Changes() {
            @Override
            public void stored(RoomRecord record) {
            }

            @Override
            public void deleted(String name) {
            }
        };
    }

    /**
     * A stored room and the revision it is stored at (for a replace that loses no change).
     *
     * @param record   the room
     * @param revision its revision in the bucket
     */
    public record Stored(RoomRecord record, long revision) {
    }

    private final KeyValue kv;
    private final RoomIndex index;
    private final TokenHasher hasher;
    private final NatsKeyValueWatchSubscription watch;
    private final AppliedRevision applied;

    private RoomStore(KeyValue kv, RoomIndex index, TokenHasher hasher, NatsKeyValueWatchSubscription watch,
                      AppliedRevision applied) {
        this.kv = kv;
        this.index = index;
        this.hasher = hasher;
        this.watch = watch;
        this.applied = applied;
    }

    /**
     * Opens (creating when missing) the rooms bucket, reads or makes the salt, and fills
     * {@code index} with every room before returning.
     *
     * @param nats     the connection
     * @param subjects the cluster's names
     * @param index    the index to keep current
     * @param timeout  how long to wait for the first full read
     * @param changes  told of each change after the index has it
     * @return the store
     * @throws IOException when NATS or JetStream cannot be used
     */
    public static RoomStore open(Connection nats, Subjects subjects, RoomIndex index, Duration timeout, Changes changes)
            throws IOException {
        try {
            KeyValueManagement kvm = nats.keyValueManagement();
            ensureBucket(kvm, KeyValueConfiguration.builder().name(subjects.roomsBucket()).maxHistoryPerKey(1)
                    .storageType(StorageType.File).build());
            KeyValue kv = nats.keyValue(subjects.roomsBucket());
            TokenHasher hasher = new TokenHasher(salt(kv));
            CountDownLatch ready = new CountDownLatch(1);
            AppliedRevision applied = new AppliedRevision();
            NatsKeyValueWatchSubscription watch = kv.watch(PREFIX + "*", new KeyValueWatcher() {
                @Override
                public void watch(KeyValueEntry entry) {
                    try {
                        apply(index, entry, changes);
                    } finally {
                        applied.applied(entry.getRevision());
                    }
                }

                @Override
                public void endOfData() {
                    ready.countDown();
                }
            });
            if (!ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                watch.unsubscribe();
                throw new IOException("the rooms bucket was not read within " + timeout.toMillis() + " ms");
            }
            return new RoomStore(kv, index, hasher, watch, applied);
        } catch (JetStreamApiException e) {
            throw new IOException("JetStream refused the rooms bucket: " + e.getMessage()
                    + " (is nats-server running with -js?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the rooms bucket", e);
        }
    }

    static void ensureBucket(KeyValueManagement kvm, KeyValueConfiguration config) throws IOException, JetStreamApiException {
        try {
            kvm.getStatus(config.getBucketName());
        } catch (JetStreamApiException missing) {
            try {
                kvm.create(config);
            } catch (JetStreamApiException raced) {
                kvm.getStatus(config.getBucketName()); // another node made it at the same moment
            }
        }
    }

    private static byte[] salt(KeyValue kv) throws IOException, JetStreamApiException {
        KeyValueEntry entry = kv.get(SALT);
        if (entry != null && entry.getValue() != null && entry.getValue().length >= 16) {
            return entry.getValue();
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try {
            kv.create(SALT, fresh);
            return fresh;
        } catch (JetStreamApiException raced) {
            return kv.get(SALT).getValue(); // another node made it first: everybody uses the first
        }
    }

    private static void apply(RoomIndex index, KeyValueEntry entry, Changes changes) {
        String name = entry.getKey().substring(PREFIX.length());
        if (entry.getOperation() != KeyValueOperation.PUT) {
            index.remove(name);
            changes.deleted(name);
            return;
        }
        RoomRecord record;
        try {
            record = RoomRecord.decode(entry.getValue());
        } catch (IllegalArgumentException e) {
            log.warn("cluster room {} has an unreadable record and is not served: {}", name, e.getMessage());
            index.remove(name);
            changes.deleted(name); // whatever ran under the old record stops: nothing unreadable is half-applied
            return;
        }
        index.put(record);
        try {
            changes.stored(record);
        } catch (RuntimeException e) {
            log.warn("cluster room {}: a change was not applied here: {}", name, e.toString());
        }
    }

    /**
     * Reads a stored room from the bucket (not the index: its revision is current).
     *
     * @param name the room's name
     * @return the room and its revision, or empty when there is none
     * @throws IOException when NATS cannot answer or the record is unreadable
     */
    public java.util.Optional<Stored> read(String name) throws IOException {
        try {
            KeyValueEntry e = kv.get(PREFIX + name);
            if (e == null || e.getOperation() != KeyValueOperation.PUT || e.getValue() == null) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new Stored(RoomRecord.decode(e.getValue()), e.getRevision()));
        } catch (JetStreamApiException e) {
            throw new IOException("JetStream refused the read: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IOException("the stored room " + name + " is unreadable: " + e.getMessage(), e);
        }
    }

    /**
     * Replaces a stored room if nobody changed it since {@code revision}. Returns once this node's
     * index has the new record and, when this node runs the room, the running room has the change
     * (see {@link #OWN_WRITE_WAIT}).
     *
     * @param record   the room as it is to be
     * @param revision the revision it was read at
     * @return false when it changed meanwhile (nothing is written)
     * @throws IOException when NATS cannot be reached
     */
    public boolean replace(RoomRecord record, long revision) throws IOException {
        long written;
        try {
            written = kv.update(PREFIX + record.name(), record.encode(), revision);
        } catch (JetStreamApiException e) {
            return false; // the revision moved on (or the room went): the caller reads again
        }
        awaitOwnWrite(written);
        return true;
    }

    /**
     * The hasher of this cluster's tokens.
     *
     * @return the hasher
     */
    public TokenHasher hasher() {
        return hasher;
    }

    /**
     * Stores a new room. Returns once this node's index has it, so its tokens open it through
     * this node at once (see {@link #OWN_WRITE_WAIT}).
     *
     * @param record the room
     * @return false when a room of that name exists already (nothing is changed)
     * @throws IOException when NATS cannot be reached
     */
    public boolean create(RoomRecord record) throws IOException {
        try {
            awaitOwnWrite(kv.create(PREFIX + record.name(), record.encode()));
            return true;
        } catch (JetStreamApiException e) {
            if (exists(record.name())) {
                return false;
            }
            throw new IOException("JetStream refused the room: " + e.getMessage(), e);
        }
    }

    private boolean exists(String name) throws IOException {
        try {
            KeyValueEntry e = kv.get(PREFIX + name);
            return e != null && e.getOperation() == KeyValueOperation.PUT;
        } catch (JetStreamApiException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * Deletes a room from the cluster (its owner closes it when its watch sees the delete).
     * Returns once this node's index has the delete (and, when this node ran the room, the room
     * is closed here; see {@link #OWN_WRITE_WAIT}).
     *
     * @param name the room's name
     * @return false when there was no such room
     * @throws IOException when NATS cannot be reached
     */
    public boolean delete(String name) throws IOException {
        if (!exists(name)) {
            return false;
        }
        try {
            kv.delete(PREFIX + name);
            List<KeyValueEntry> history = kv.history(PREFIX + name); // the delete marker (or a later write)
            if (!history.isEmpty()) {
                awaitOwnWrite(history.get(history.size() - 1).getRevision());
            }
            return true;
        } catch (JetStreamApiException e) {
            throw new IOException("JetStream refused the delete: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true; // deleted; this node's watch has it shortly
        }
    }

    /**
     * Waits until this node's watch has applied a write made through this node: the write's
     * reply can come back before the watch delivers it, and until then this node would refuse
     * the tokens of a room it just created. Bounded: when the watch lags longer (NATS went away
     * right after the write), the write stands and this node applies it when the watch catches up.
     */
    private void awaitOwnWrite(long revision) {
        try {
            if (!applied.await(revision, OWN_WRITE_WAIT)) {
                log.warn("cluster rooms: this node's watch has not applied its own change (revision {}) within {} ms;"
                        + " it is stored and applies here when the watch catches up", revision, OWN_WRITE_WAIT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the write stands
        }
    }

    /**
     * The index this store keeps current.
     *
     * @return the index
     */
    public RoomIndex index() {
        return index;
    }

    @Override
    public void close() {
        try {
            watch.unsubscribe();
        } catch (RuntimeException e) {
            log.debug("rooms watch already gone: {}", e.toString());
        }
    }
}
