package io.github.buttplugjava.cluster.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's copy of the rooms bucket, kept current by a watch: rooms by name and token hashes
 * to what they open, so a link is authenticated without a round trip to NATS. Bounded: at most
 * {@value #MAX_ROOMS} rooms are indexed, the rest are refused with a warning.
 */
public final class RoomIndex {

    /** Most rooms one cluster holds. */
    public static final int MAX_ROOMS = 10_000;

    private static final Logger log = LoggerFactory.getLogger(RoomIndex.class);

    private final Map<String, RoomRecord> rooms = new ConcurrentHashMap<>();
    private final Map<String, TokenEntry> tokens = new ConcurrentHashMap<>();

    /**
     * Puts or replaces a room.
     *
     * @param record the room as stored
     */
    public synchronized void put(RoomRecord record) {
        RoomRecord old = rooms.get(record.name());
        if (old == null && rooms.size() >= MAX_ROOMS) {
            log.warn("cluster room index full ({} rooms): room {} is not served", MAX_ROOMS, record.name());
            return;
        }
        if (old != null) {
            forget(old);
        }
        rooms.put(record.name(), record);
        tokens.put(record.shareHash(), new TokenEntry(record.name(), TokenKind.SHARE, ""));
        record.controllers().forEach(c -> tokens.put(c.tokenHash(), new TokenEntry(record.name(), TokenKind.CONTROL, c.name())));
        record.invites().forEach(i -> tokens.put(i.tokenHash(), new TokenEntry(record.name(), TokenKind.INVITE, i.alias())));
    }

    /**
     * Removes a room.
     *
     * @param name the room's name
     */
    public synchronized void remove(String name) {
        RoomRecord old = rooms.remove(name);
        if (old != null) {
            forget(old);
        }
    }

    private void forget(RoomRecord record) {
        tokens.remove(record.shareHash());
        record.controllers().forEach(c -> tokens.remove(c.tokenHash()));
        record.invites().forEach(i -> tokens.remove(i.tokenHash()));
    }

    /**
     * What a token opens.
     *
     * @param tokenHash the token's hash
     * @return the entry, or empty for an unknown token
     */
    public Optional<TokenEntry> token(String tokenHash) {
        return Optional.ofNullable(tokens.get(tokenHash));
    }

    /**
     * A room.
     *
     * @param name the room's name
     * @return the record, or empty
     */
    public Optional<RoomRecord> room(String name) {
        return Optional.ofNullable(rooms.get(name));
    }

    /**
     * The names of the indexed rooms.
     *
     * @return the names, sorted
     */
    public java.util.List<String> names() {
        return rooms.keySet().stream().sorted().toList();
    }

    /**
     * How many rooms are indexed.
     *
     * @return the count
     */
    public int size() {
        return rooms.size();
    }
}
