package io.github.buttplugjava.cluster;

import io.github.buttplugjava.cluster.internal.RoomIndex;
import io.github.buttplugjava.cluster.internal.RoomRecord;
import io.github.buttplugjava.cluster.internal.RoomStore;
import io.github.buttplugjava.cluster.internal.SetupRecords;
import io.github.buttplugjava.cluster.internal.Subjects;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.link.AccessToken;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * The rooms of a cluster as their owner manages them: create, update, revoke, delete. A change is
 * stored in the rooms bucket and reaches the node running the room through its watch: a revoked
 * controller or invite is closed at once (what it drove stops), a new one can link, a deleted
 * room is closed (its agents stop their toys) and its lease goes. Tokens are stored only as
 * salted hashes.
 *
 * <p>A node has one ({@link ClusterNode#rooms()}); {@link #connect} makes one without running a
 * hub (for an operator's tool). Thread-safe.
 */
public final class ClusterRooms implements AutoCloseable {

    private static final int MAX_RETRIES = 8;

    private final RoomStore store;
    private final LongSupplier wallClock;
    private final Connection ownConnection;

    ClusterRooms(RoomStore store, LongSupplier wallClock, Connection ownConnection) {
        this.store = store;
        this.wallClock = wallClock;
        this.ownConnection = ownConnection;
    }

    /**
     * Connects to a cluster's rooms without running a node.
     *
     * @param natsUrl     the NATS server ({@code nats://} or {@code tls://}), running JetStream
     * @param clusterName the cluster's name ({@code buttplug} unless the nodes were given another)
     * @return the rooms; close it when done
     * @throws IOException when NATS or JetStream cannot be used
     */
    public static ClusterRooms connect(String natsUrl, String clusterName) throws IOException {
        Connection nats;
        try {
            nats = Nats.connect(new Options.Builder().server(natsUrl).connectionName("buttplug-rooms")
                    .connectionTimeout(Duration.ofSeconds(2)).maxReconnects(3).build());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting to NATS", e);
        } catch (IOException e) {
            throw new IOException("cannot reach NATS at " + natsUrl + ": " + e.getMessage(), e);
        }
        try {
            RoomStore store = RoomStore.open(nats, new Subjects(clusterName), new RoomIndex(), Duration.ofSeconds(10),
                    RoomStore.Changes.NONE);
            return new ClusterRooms(store, System::currentTimeMillis, nats);
        } catch (IOException | RuntimeException e) {
            try {
                nats.close();
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            throw e;
        }
    }

    /**
     * Creates a room; tokens not given are made now.
     *
     * @param setup the room (at least one controller)
     * @return the setup with every token, shown only now (the cluster keeps only their hashes)
     * @throws IOException              when NATS cannot be reached
     * @throws IllegalArgumentException when a room of that name exists, the setup is unusable, or
     *                                  one of its tokens is a token of another room
     */
    public RoomSetup create(RoomSetup setup) throws IOException {
        RoomSetup full = setup.withFreshTokens();
        if (!createIfAbsent(full)) {
            throw new IllegalArgumentException("a room named " + setup.name() + " exists in the cluster");
        }
        return full;
    }

    /**
     * Creates a room unless one of that name exists (then nothing changes).
     *
     * @param setup the room, every token given
     * @return true when created, false when the room existed
     * @throws IOException              when NATS cannot be reached
     * @throws IllegalArgumentException when a token is missing, the setup is unusable, or one of
     *                                  its tokens is a token of another room
     */
    public boolean createIfAbsent(RoomSetup setup) throws IOException {
        RoomRecord record = SetupRecords.fresh(setup, store.hasher(), wallClock.getAsLong());
        SetupRecords.checkTokensFree(record, store.index());
        return store.create(record);
    }

    /**
     * Replaces a stored room's settings with {@code setup}: controllers and invites not in it are
     * revoked (their links close at once), new ones are added, changed ceilings and the policy
     * apply at the owner at once. A token not given keeps the stored one of the same share
     * token, controller or invite; a new controller or invite without one gets a fresh token.
     *
     * @param setup the room as it is to be
     * @return the setup with the tokens made now (null where a stored token was kept)
     * @throws IOException              when NATS cannot be reached
     * @throws IllegalArgumentException when there is no such room, or the setup is unusable
     */
    public RoomSetup update(RoomSetup setup) throws IOException {
        RoomSetup[] fresh = new RoomSetup[1];
        change(setup.name(), stored -> {
            SetupRecords.Merged m = SetupRecords.merged(stored, setup, store.hasher(), wallClock.getAsLong());
            fresh[0] = m.fresh();
            return m.record();
        });
        return fresh[0];
    }

    /**
     * Whether the stored room is exactly what {@code setup} would make of it (tokens not given
     * taken as kept), so storing it would change nothing.
     *
     * @param setup a room's settings
     * @return false when there is no such room or it differs
     * @throws IOException when NATS cannot be reached
     */
    public boolean matches(RoomSetup setup) throws IOException {
        Optional<RoomStore.Stored> stored = store.read(setup.name());
        return stored.isPresent() && SetupRecords.merged(stored.get().record(), setup, store.hasher(),
                wallClock.getAsLong()).record().equals(stored.get().record());
    }

    /**
     * Revokes a controller: its link (through any node) closes at once, so the outputs it set
     * stop, and its token opens the room no more.
     *
     * @param room       the room's name
     * @param controller the controller's name
     * @return false when the room has no such controller
     * @throws IOException              when NATS cannot be reached
     * @throws IllegalArgumentException when there is no such room, or it is the room's last
     *                                  controller (delete the room instead)
     */
    public boolean revokeController(String room, String controller) throws IOException {
        boolean[] found = new boolean[1];
        change(room, stored -> {
            List<RoomRecord.ControllerEntry> left = new ArrayList<>(stored.controllers());
            found[0] = left.removeIf(c -> c.name().equals(controller));
            if (left.isEmpty()) {
                throw new IllegalArgumentException("a cluster room keeps at least one controller; delete the room instead");
            }
            return stored.withControllers(left);
        });
        return found[0];
    }

    /**
     * Revokes an invite: its token opens the room no more, the invited agent's link (through any
     * node) closes at once (it stops its toys), and the alias is refused in the running room until
     * it is invited again.
     *
     * @param room  the room's name
     * @param alias the invited alias
     * @return false when the room has no invite for that alias
     * @throws IOException              when NATS cannot be reached
     * @throws IllegalArgumentException when there is no such room
     */
    public boolean revokeInvite(String room, String alias) throws IOException {
        boolean[] found = new boolean[1];
        change(room, stored -> {
            List<RoomRecord.InviteEntry> left = new ArrayList<>(stored.invites());
            found[0] = left.removeIf(i -> i.alias().equals(alias));
            return stored.withInvites(left);
        });
        return found[0];
    }

    /**
     * Invites a sharer: an agent saying hello with exactly {@code alias} and presenting the
     * token shares into the room (through any node, as soon as the owner's watch has the change).
     * An alias {@linkplain #refuseSharer refused} in the room is no longer refused.
     *
     * @param room  the room's name
     * @param alias the alias, not invited yet, as {@link io.github.buttplugjava.remote.link.Hello#cleanAlias} leaves it
     * @param token the invite's token, or null for a random one
     * @return the invite's token, shown only now (the cluster keeps its hash)
     * @throws IOException              when NATS cannot be reached
     * @throws IllegalArgumentException when there is no such room, the alias is invited already or
     *                                  unusable, the token is a token of the cluster already, or
     *                                  the room has as many invites as it may
     */
    public AccessToken invite(String room, String alias, AccessToken token) throws IOException {
        AccessToken t = token != null ? token : AccessToken.generate();
        RoomSetup.Invite invite = new RoomSetup.Invite(alias, t); // checks the alias
        change(room, stored -> {
            if (stored.invites().stream().anyMatch(i -> i.alias().equals(invite.alias()))) {
                throw new IllegalArgumentException(alias + " is invited to room " + room + " already; revoke the invite"
                        + " first to give them another token");
            }
            List<RoomRecord.InviteEntry> more = new ArrayList<>(stored.invites());
            more.add(new RoomRecord.InviteEntry(invite.alias(), store.hasher().hash(t.reveal())));
            List<String> refused = new ArrayList<>(stored.refused());
            refused.remove(invite.alias()); // invited again: no longer refused
            return stored.withInvites(more).withRefused(refused);
        });
        return t;
    }

    /**
     * Revokes a sharer, whatever token they came with: their invite (if any) ends, their live
     * agent link (through any node) closes, so their devices leave and their agent stops their
     * toys, and their alias (or one that looks like it) is refused in the room, on whichever node
     * runs it, until it is {@linkplain #invite invited} again.
     *
     * @param room  the room's name
     * @param alias the sharer's alias
     * @return whether the alias had an invite
     * @throws IOException              when NATS cannot be reached
     * @throws IllegalArgumentException when there is no such room, the alias is unusable, or the
     *                                  room refuses {@value RoomRecord#MAX_REFUSED} aliases already
     */
    public boolean refuseSharer(String room, String alias) throws IOException {
        String clean = io.github.buttplugjava.remote.link.Hello.cleanAlias(alias);
        boolean[] invited = new boolean[1];
        change(room, stored -> {
            List<RoomRecord.InviteEntry> left = new ArrayList<>(stored.invites());
            invited[0] = left.removeIf(i -> i.alias().equals(clean));
            List<String> refused = new ArrayList<>(stored.refused());
            if (!refused.contains(clean)) {
                refused.add(clean);
            }
            return stored.withInvites(left).withRefused(refused);
        });
        return invited[0];
    }

    /**
     * Sets what the devices of buttplug-js 0.13 forwarders may do in a room (the owner node's hub
     * enforces it: a 0.13 forwarder enforces nothing). Forwarders that join from then on are held
     * to it; those linked keep theirs until they link again.
     *
     * @param room  the room's name
     * @param grant the grant, or null for the legacy grant of the owner node's hub
     * @throws IOException              when NATS cannot be reached
     * @throws IllegalArgumentException when there is no such room
     */
    public void legacyGrant(String room, DeviceGrant grant) throws IOException {
        change(room, stored -> stored.withLegacyGrant(grant));
    }

    /**
     * The names of the cluster's rooms, as this node's copy of the rooms bucket has them now.
     *
     * @return the names, sorted
     */
    public List<String> names() {
        return store.index().names();
    }

    /**
     * A stored room's settings, without tokens: the cluster keeps only their hashes, so every
     * token is null. A controller's expiry is as it was given (counted from when it was stored).
     *
     * @param name the room's name
     * @return the settings, or empty when there is no such room
     * @throws IOException when NATS cannot be reached or the record is unreadable
     */
    public Optional<RoomSetup> stored(String name) throws IOException {
        Optional<RoomStore.Stored> stored = store.read(name);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        RoomRecord r = stored.get().record();
        List<RoomSetup.Controller> controllers = r.controllers().stream()
                .map(c -> new RoomSetup.Controller(c.name(), null, c.ceiling())).toList();
        List<RoomSetup.Invite> invites = r.invites().stream().map(i -> new RoomSetup.Invite(i.alias(), null)).toList();
        return Optional.of(new RoomSetup(r.name(), null, r.policy(), controllers, invites, r.legacyGrant()));
    }

    /**
     * The aliases a stored room refuses ({@link #refuseSharer}).
     *
     * @param name the room's name
     * @return the aliases, sorted; empty when there is no such room
     * @throws IOException when NATS cannot be reached or the record is unreadable
     */
    public List<String> refused(String name) throws IOException {
        return store.read(name).map(s -> s.record().refused()).orElse(List.of());
    }

    /**
     * Deletes a room: the node running it closes every link of the room (agents stop their toys)
     * and gives its lease back; its tokens open nothing any more.
     *
     * @param name the room's name
     * @return false when there was no such room
     * @throws IOException when NATS cannot be reached
     */
    public boolean delete(String name) throws IOException {
        return store.delete(name);
    }

    /**
     * Whether a room of that name is stored.
     *
     * @param name the room's name
     * @return true when it is
     * @throws IOException when NATS cannot be reached or its record is unreadable
     */
    public boolean exists(String name) throws IOException {
        return store.read(name).isPresent();
    }

    private void change(String room, UnaryOperator<RoomRecord> edit) throws IOException {
        for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
            Optional<RoomStore.Stored> stored = store.read(room);
            if (stored.isEmpty()) {
                throw new IllegalArgumentException("no room named " + room + " in the cluster");
            }
            RoomRecord next = edit.apply(stored.get().record());
            if (next.equals(stored.get().record())) {
                return;
            }
            SetupRecords.checkTokensFree(next, store.index());
            if (store.replace(next, stored.get().revision())) {
                return;
            }
        }
        throw new IOException("room " + room + " kept changing under this update; try again");
    }

    /** Closes the NATS connection of {@link #connect}; a node's rooms close with the node. */
    @Override
    public void close() {
        if (ownConnection == null) {
            return;
        }
        store.close();
        try {
            ownConnection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
