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

    private final KeyValue kv;
    private final RoomIndex index;
    private final TokenHasher hasher;
    private final NatsKeyValueWatchSubscription watch;

    private RoomStore(KeyValue kv, RoomIndex index, TokenHasher hasher, NatsKeyValueWatchSubscription watch) {
        this.kv = kv;
        this.index = index;
        this.hasher = hasher;
        this.watch = watch;
    }

    /**
     * Opens (creating when missing) the rooms bucket, reads or makes the salt, and fills
     * {@code index} with every room before returning.
     *
     * @param nats     the connection
     * @param subjects the cluster's names
     * @param index    the index to keep current
     * @param timeout  how long to wait for the first full read
     * @return the store
     * @throws IOException when NATS or JetStream cannot be used
     */
    public static RoomStore open(Connection nats, Subjects subjects, RoomIndex index, Duration timeout) throws IOException {
        try {
            KeyValueManagement kvm = nats.keyValueManagement();
            ensureBucket(kvm, KeyValueConfiguration.builder().name(subjects.roomsBucket()).maxHistoryPerKey(1)
                    .storageType(StorageType.File).build());
            KeyValue kv = nats.keyValue(subjects.roomsBucket());
            TokenHasher hasher = new TokenHasher(salt(kv));
            CountDownLatch ready = new CountDownLatch(1);
            NatsKeyValueWatchSubscription watch = kv.watch(PREFIX + "*", new KeyValueWatcher() {
                @Override
                public void watch(KeyValueEntry entry) {
                    apply(index, entry);
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
            return new RoomStore(kv, index, hasher, watch);
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

    private static void apply(RoomIndex index, KeyValueEntry entry) {
        String name = entry.getKey().substring(PREFIX.length());
        if (entry.getOperation() != KeyValueOperation.PUT) {
            index.remove(name);
            return;
        }
        try {
            index.put(RoomRecord.decode(entry.getValue()));
        } catch (IllegalArgumentException e) {
            log.warn("cluster room {} has an unreadable record and is not served: {}", name, e.getMessage());
        }
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
     * Stores a new room.
     *
     * @param record the room
     * @return false when a room of that name exists already (nothing is changed)
     * @throws IOException when NATS cannot be reached
     */
    public boolean create(RoomRecord record) throws IOException {
        try {
            kv.create(PREFIX + record.name(), record.encode());
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
            return kv.get(PREFIX + name) != null;
        } catch (JetStreamApiException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * Deletes a room from the cluster (its owner closes it when the index drops it).
     *
     * @param name the room's name
     * @throws IOException when NATS cannot be reached
     */
    public void delete(String name) throws IOException {
        try {
            kv.delete(PREFIX + name);
        } catch (JetStreamApiException e) {
            throw new IOException("JetStream refused the delete: " + e.getMessage(), e);
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
