package io.github.buttplugjava.cluster.internal;

import io.github.buttplugjava.cluster.RoomSetup;
import io.github.buttplugjava.remote.link.AccessToken;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a room owner's {@link RoomSetup} into the record the cluster stores (tokens hashed,
 * expiries as end times), alone or merged over the stored record.
 */
public final class SetupRecords {

    private SetupRecords() {
    }

    /**
     * A merged record, and the setup with the fresh tokens it made (only those: kept tokens stay null).
     *
     * @param record the record to store
     * @param fresh  the setup with a token wherever one was made now
     */
    public record Merged(RoomRecord record, RoomSetup fresh) {
    }

    /**
     * The record of a new room; every token must be given.
     *
     * @param setup  the room
     * @param hasher the cluster's hasher
     * @param nowMs  the wall clock (an expiry ends this long after now)
     * @return the record
     * @throws IllegalArgumentException when a token is missing, no controller is given or the
     *                                  record is refused
     */
    public static RoomRecord fresh(RoomSetup setup, TokenHasher hasher, long nowMs) {
        if (setup.shareToken() == null || setup.controllers().stream().anyMatch(c -> c.token() == null)
                || setup.invites().stream().anyMatch(i -> i.token() == null)) {
            throw new IllegalArgumentException("give every token of a new room (RoomSetup.withFreshTokens())");
        }
        return merged(null, setup, hasher, nowMs).record();
    }

    /**
     * The record {@code setup} makes of {@code stored}: a token not given is the stored one of the
     * same share token, controller or invite (a new one gets a fresh token); a controller whose
     * expiry did not change keeps its end time. The legacy grant is the setup's (none when it has none);
     * the refused aliases stay refused unless the setup invites them.
     *
     * @param stored the stored record, or null for a new room
     * @param setup  the room as it is to be
     * @param hasher the cluster's hasher
     * @param nowMs  the wall clock
     * @return the record and the tokens made
     * @throws IllegalArgumentException when the record is refused (no controller, a token twice)
     */
    public static Merged merged(RoomRecord stored, RoomSetup setup, TokenHasher hasher, long nowMs) {
        Map<String, RoomRecord.ControllerEntry> oldControllers = new HashMap<>();
        Map<String, String> oldInvites = new HashMap<>();
        if (stored != null) {
            stored.controllers().forEach(c -> oldControllers.put(c.name(), c));
            stored.invites().forEach(i -> oldInvites.put(i.alias(), i.tokenHash()));
        }
        AccessToken share = setup.shareToken();
        if (share == null && stored == null) {
            share = AccessToken.generate();
        }
        String shareHash = share != null ? hasher.hash(share.reveal()) : stored.shareHash();
        List<RoomRecord.ControllerEntry> controllers = new ArrayList<>();
        List<RoomSetup.Controller> freshControllers = new ArrayList<>();
        for (RoomSetup.Controller c : setup.controllers()) {
            RoomRecord.ControllerEntry old = oldControllers.get(c.name());
            AccessToken token = c.token() == null && old == null ? AccessToken.generate() : c.token();
            String hash = token != null ? hasher.hash(token.reveal()) : old.tokenHash();
            long endsAt = old != null && java.util.Objects.equals(old.ceiling().validFor(), c.ceiling().validFor())
                    ? old.expiresAtMs()
                    : c.ceiling().expiry().map(d -> nowMs + d.toMillis()).orElse(0L);
            controllers.add(new RoomRecord.ControllerEntry(c.name(), hash, c.ceiling(), endsAt));
            freshControllers.add(new RoomSetup.Controller(c.name(), c.token() == null ? token : null, c.ceiling()));
        }
        List<RoomRecord.InviteEntry> invites = new ArrayList<>();
        List<RoomSetup.Invite> freshInvites = new ArrayList<>();
        for (RoomSetup.Invite i : setup.invites()) {
            Optional<String> old = Optional.ofNullable(oldInvites.get(i.alias()));
            AccessToken token = i.token() == null && old.isEmpty() ? AccessToken.generate() : i.token();
            invites.add(new RoomRecord.InviteEntry(i.alias(), token != null ? hasher.hash(token.reveal()) : old.get()));
            freshInvites.add(new RoomSetup.Invite(i.alias(), i.token() == null ? token : null));
        }
        List<String> refused = new ArrayList<>(stored == null ? List.of() : stored.refused());
        setup.invites().forEach(i -> refused.remove(i.alias())); // invited: no longer refused
        RoomRecord record = new RoomRecord(setup.name(), shareHash, setup.policy(), controllers, invites,
                setup.legacyGrant(), refused);
        RoomSetup fresh = new RoomSetup(setup.name(), setup.shareToken() == null ? share : null, setup.policy(),
                freshControllers, freshInvites, setup.legacyGrant());
        return new Merged(record, fresh);
    }

    /**
     * Refuses a record one of whose tokens opens another room of the cluster.
     *
     * @param record the record to store
     * @param index  the cluster's rooms
     * @throws IllegalArgumentException naming the other room
     */
    public static void checkTokensFree(RoomRecord record, RoomIndex index) {
        List<String> hashes = new ArrayList<>();
        hashes.add(record.shareHash());
        record.controllers().forEach(c -> hashes.add(c.tokenHash()));
        record.invites().forEach(i -> hashes.add(i.tokenHash()));
        for (String h : hashes) {
            index.token(h).filter(e -> !e.room().equals(record.name())).ifPresent(e -> {
                throw new IllegalArgumentException("a token of room " + record.name() + " is a token of room "
                        + e.room() + "; every token of the cluster must differ");
            });
        }
    }
}
