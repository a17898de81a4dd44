package io.github.buttplugjava.cluster.internal;

import io.github.buttplugjava.core.PeerText;
import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.hub.ControllerCeiling;
import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.remote.hub.Room;
import io.github.buttplugjava.remote.hub.RoomController;
import io.github.buttplugjava.remote.link.AccessToken;
import io.github.buttplugjava.remote.link.Hello;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The rooms this node owns, run by its hub. Each is made from its stored record with fresh
 * node-local tokens that nobody outside this process ever sees: links reach it already
 * authenticated by their entry node, which checked the real token against the stored hash. A
 * change to a stored room is applied to the running room at once ({@link #apply}): a controller
 * or invite that is gone (or whose token or expiry changed) is revoked, so its link closes and
 * what it drove stops; a new one can link; a changed ceiling or policy is in force for the next
 * command. A 0.13 forwarder's link is handed to the hub as one that presented the room's share
 * token; the room's stored legacy grant (or the hub's own) holds its devices. A refused alias is
 * revoked in the running room (its link closes; it is refused until invited again).
 */
public final class OwnedRooms {

    private static final Logger log = LoggerFactory.getLogger(OwnedRooms.class);

    private final Map<String, Local> rooms = new ConcurrentHashMap<>();
    private final RoomIndex index;
    private final LongSupplier wallClock;
    private final NodePolicies policies;
    private volatile RemoteServer hub;

    /**
     * A running room, the record it was last made to match, its invites' local tokens, and the
     * hub's own legacy grant (in force while the record has none).
     */
    private record Local(Room room, RoomRecord record, Map<String, AccessToken> invites, DeviceGrant hubLegacyGrant) {
    }

    /**
     * The rooms of a node.
     *
     * @param index     where the stored rooms are read from
     * @param wallClock epoch milliseconds, for controllers whose access ends at a stored time
     * @param policies  the rules this node makes its rooms' policies from
     */
    public OwnedRooms(RoomIndex index, LongSupplier wallClock, NodePolicies policies) {
        this.index = index;
        this.wallClock = wallClock;
        this.policies = policies;
    }

    /**
     * The rooms of a node that has only the hub's own three rules.
     *
     * @param index     where the stored rooms are read from
     * @param wallClock epoch milliseconds, for controllers whose access ends at a stored time
     */
    public OwnedRooms(RoomIndex index, LongSupplier wallClock) {
        this(index, wallClock, NodePolicies.builtIn());
    }

    /**
     * The hub that runs the rooms (set once, before links arrive).
     *
     * @param hub the hub
     */
    public void hub(RemoteServer hub) {
        this.hub = hub;
    }

    /**
     * Starts running a room here (this node just took its lease), as the index has it now. Under
     * the same lock as {@link #apply}, and the index is updated before {@code apply} is called, so
     * a change that lands while the room is being made is never lost.
     *
     * @param name the room's name
     * @return false when the room is not stored (nothing is run)
     */
    public synchronized boolean open(String name) {
        if (rooms.containsKey(name)) {
            return true;
        }
        Optional<RoomRecord> stored = index.room(name);
        if (stored.isEmpty()) {
            return false;
        }
        RoomRecord record = stored.get();
        long now = wallClock.getAsLong();
        RoomRecord.ControllerEntry first = record.controllers().get(0);
        Optional<ControllerCeiling> firstCeiling = first.ceilingAt(now);
        Room room = hub.addRoom(name, AccessToken.generate(), first.name(), AccessToken.generate(),
                firstCeiling.orElse(first.ceiling()));
        if (firstCeiling.isEmpty()) {
            room.revokeController(first.name()); // its access ended while the room was elsewhere
        }
        room.arbitration(policies.build(name, record.policy()));
        DeviceGrant hubLegacyGrant = room.legacyGrant();
        if (record.legacyGrant() != null) {
            room.legacyGrant(record.legacyGrant());
        }
        for (RoomRecord.ControllerEntry c : record.controllers().subList(1, record.controllers().size())) {
            addController(room, c, now);
        }
        Map<String, AccessToken> invites = new HashMap<>();
        for (RoomRecord.InviteEntry i : record.invites()) {
            invite(room, i, invites);
        }
        record.refused().forEach(room::revokeSharer); // refused wherever the room runs
        rooms.put(name, new Local(room, record, Map.copyOf(invites), hubLegacyGrant));
        return true;
    }

    private static void addController(Room room, RoomRecord.ControllerEntry c, long now) {
        Optional<ControllerCeiling> ceiling = c.ceilingAt(now);
        if (ceiling.isEmpty()) {
            log.info("cluster room {}: the access of controller \"{}\" has ended; not added", room.name(),
                    PeerText.clean(c.name(), 64));
            return;
        }
        try {
            room.addController(c.name(), AccessToken.generate(), ceiling.get());
        } catch (IllegalArgumentException | IllegalStateException e) {
            log.warn("cluster room {}: controller \"{}\" not added: {}", room.name(), PeerText.clean(c.name(), 64),
                    e.getMessage());
        }
    }

    private static void invite(Room room, RoomRecord.InviteEntry i, Map<String, AccessToken> invites) {
        AccessToken t = AccessToken.generate();
        try {
            room.invite(i.alias(), t);
            invites.put(i.alias(), t);
        } catch (IllegalArgumentException | IllegalStateException e) {
            log.warn("cluster room {}: invite of {} not made: {}", room.name(), PeerText.clean(i.alias(), 64), e.getMessage());
        }
    }

    /**
     * A stored room changed: makes the room run here (if it does) match it.
     *
     * @param next the room as stored now
     */
    public synchronized void apply(RoomRecord next) {
        Local local = rooms.get(next.name());
        if (local == null || local.record().equals(next)) {
            return;
        }
        RoomRecord prev = local.record();
        Room room = local.room();
        long now = wallClock.getAsLong();
        if (!prev.policy().equals(next.policy())) {
            room.arbitration(policies.build(next.name(), next.policy()));
            log.info("cluster room {}: policy now {}", next.name(), next.policy());
        }
        Map<String, RoomRecord.ControllerEntry> before = new HashMap<>();
        prev.controllers().forEach(c -> before.put(c.name(), c));
        Map<String, RoomRecord.ControllerEntry> after = new HashMap<>();
        next.controllers().forEach(c -> after.put(c.name(), c));
        for (RoomRecord.ControllerEntry c : prev.controllers()) {
            RoomRecord.ControllerEntry n = after.get(c.name());
            if (n == null || !sameAccess(c, n)) {
                room.revokeController(c.name()); // its link closes: the outputs it set stop
            }
        }
        for (RoomRecord.ControllerEntry c : next.controllers()) {
            RoomRecord.ControllerEntry p = before.get(c.name());
            if (p == null || !sameAccess(p, c)) {
                addController(room, c, now);
            } else if (!p.ceiling().equals(c.ceiling())) {
                changeCeiling(room, c);
            }
        }
        Map<String, String> inviteHashes = new HashMap<>();
        next.invites().forEach(i -> inviteHashes.put(i.alias(), i.tokenHash()));
        Map<String, AccessToken> invites = new HashMap<>(local.invites());
        for (RoomRecord.InviteEntry i : prev.invites()) {
            if (!i.tokenHash().equals(inviteHashes.get(i.alias()))) {
                room.revokeSharer(i.alias()); // the invited agent's link closes: it stops its toys
                invites.remove(i.alias());
            }
        }
        for (RoomRecord.InviteEntry i : next.invites()) {
            if (!invites.containsKey(i.alias())) {
                invite(room, i, invites);
            }
        }
        for (String alias : next.refused()) {
            if (!prev.refused().contains(alias)) {
                room.revokeSharer(alias); // their link closes (they stop their toys); the alias is refused
                log.info("cluster room {}: sharer {} revoked", next.name(), PeerText.clean(alias, 64));
            }
        }
        if (!Objects.equals(prev.legacyGrant(), next.legacyGrant())) {
            // forwarders that join from now on are held to it; those linked keep theirs until they link again
            room.legacyGrant(next.legacyGrant() != null ? next.legacyGrant() : local.hubLegacyGrant());
            log.info("cluster room {}: legacy grant of 0.13 forwarders changed", next.name());
        }
        rooms.put(next.name(), new Local(room, next, Map.copyOf(invites), local.hubLegacyGrant()));
        log.info("cluster room {}: stored changes applied", next.name());
    }

    /** The same token and the same end of access: the controller stays, maybe under another ceiling. */
    private static boolean sameAccess(RoomRecord.ControllerEntry a, RoomRecord.ControllerEntry b) {
        return a.tokenHash().equals(b.tokenHash()) && a.expiresAtMs() == b.expiresAtMs()
                && java.util.Objects.equals(a.ceiling().validFor(), b.ceiling().validFor());
    }

    /** A new level or set of types for a controller that stays linked: in force for its next command. */
    private static void changeCeiling(Room room, RoomRecord.ControllerEntry c) {
        room.controller(c.name()).ifPresent(running -> {
            ControllerCeiling next = new ControllerCeiling(c.ceiling().outputs(), c.ceiling().maxLevel(),
                    running.ceiling().validFor()); // the running expiry is what is left of the stored one
            room.changeCeiling(c.name(), next);
        });
    }

    /**
     * Stops running a room here: its links close (agents stop their toys).
     *
     * @param name the room's name
     */
    public void drop(String name) {
        Local gone;
        synchronized (this) {
            gone = rooms.remove(name);
        }
        if (gone != null) {
            hub.removeRoom(name);
        }
    }

    /**
     * Whether this node runs the room.
     *
     * @param name the room's name
     * @return true when it does
     */
    public boolean has(String name) {
        return rooms.containsKey(name);
    }

    /**
     * Names of the rooms run here.
     *
     * @return the names
     */
    public List<String> names() {
        return List.copyOf(rooms.keySet());
    }

    /**
     * The agent's hello as the entry node passed it on (its extensions and the key derived from its
     * resume key ride along), with the room's local token put in.
     */
    private static String hello(Placement placement, AccessToken localToken) {
        Hello passed;
        try {
            passed = Hello.decode(placement.hello());
        } catch (IllegalArgumentException e) {
            passed = new Hello(placement.protocol(), Placement.NO_TOKEN, placement.alias());
        }
        return new Hello(passed.protocol(), localToken.reveal(), passed.alias(), passed.extensions(), passed.resume()).encode();
    }

    /**
     * Hands an authenticated link to the room's hub: a controller to its controller, an agent to
     * the hub's admission with a hello this node writes (the room's local token, the agent's alias).
     *
     * @param placement what the link is
     * @param link      the link, not yet connected
     * @return empty when taken, else why not (the caller closes the link)
     */
    Optional<String> attach(Placement placement, ButtplugConnector link) {
        Local local = rooms.get(placement.room());
        if (local == null) {
            return Optional.of("the room is not served here");
        }
        switch (placement.kind()) {
            case CONTROL -> {
                Optional<RoomController> c = local.room().controller(placement.name());
                if (c.isEmpty()) {
                    boolean stored = local.record().controllers().stream().anyMatch(e -> e.name().equals(placement.name()));
                    return Optional.of(stored ? "the access of this controller has ended"
                            : "this controller is no longer in the room");
                }
                c.get().accept(link);
            }
            case SHARE -> hub.acceptAgent(new ReplayConnector(hello(placement, local.room().shareToken()), link));
            case INVITE -> {
                AccessToken t = local.invites().get(placement.name());
                if (t == null) {
                    return Optional.of("this invite is no longer valid");
                }
                hub.acceptAgent(new ReplayConnector(hello(placement, t), link));
            }
            case FORWARDER -> {
                if (hub.legacyForwarderPath().isEmpty()) {
                    return Optional.of("the node running this room takes no buttplug-js 0.13 forwarders");
                }
                if (!hub.acceptForwarder(local.room().shareToken().reveal(), link)) { // its first DeviceAdded names it
                    return Optional.of("the room is not served here");
                }
            }
            default -> throw new IllegalStateException();
        }
        return Optional.empty();
    }
}
