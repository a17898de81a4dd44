package io.github.buttplugjava.cluster.internal;

import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.remote.hub.Room;
import io.github.buttplugjava.remote.hub.RoomController;
import io.github.buttplugjava.remote.link.AccessToken;
import io.github.buttplugjava.remote.link.Hello;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rooms this node owns, run by its hub. Each is made from its stored record with fresh
 * node-local tokens that nobody outside this process ever sees: links reach it already
 * authenticated by their entry node, which checked the real token against the stored hash.
 */
public final class OwnedRooms {

    private final Map<String, Local> rooms = new ConcurrentHashMap<>();
    private volatile RemoteServer hub;

    private record Local(Room room, Map<String, AccessToken> invites) {
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
     * Starts running a room here (this node just took its lease).
     *
     * @param record the room as stored
     */
    public synchronized void open(RoomRecord record) {
        if (rooms.containsKey(record.name())) {
            return;
        }
        Room room = hub.addRoom(record.name(), AccessToken.generate(), AccessToken.generate());
        for (RoomRecord.ControllerEntry c : record.controllers().subList(1, record.controllers().size())) {
            room.addController(c.name(), AccessToken.generate(), c.ceiling());
        }
        Map<String, AccessToken> invites = new HashMap<>();
        for (RoomRecord.InviteEntry i : record.invites()) {
            AccessToken t = AccessToken.generate();
            room.invite(i.alias(), t);
            invites.put(i.alias(), t);
        }
        rooms.put(record.name(), new Local(room, Map.copyOf(invites)));
    }

    /**
     * Stops running a room here: its links close (agents stop their toys).
     *
     * @param name the room's name
     */
    public synchronized void drop(String name) {
        if (rooms.remove(name) != null) {
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

    /** The agent's hello as the entry node passed it on, with the room's local token put in. */
    private static String hello(Placement placement, AccessToken localToken) {
        Hello passed;
        try {
            passed = Hello.decode(placement.hello());
        } catch (IllegalArgumentException e) {
            passed = new Hello(placement.protocol(), Placement.NO_TOKEN, placement.alias());
        }
        return new Hello(passed.protocol(), localToken.reveal(), passed.alias(), passed.extensions()).encode();
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
                    return Optional.of("this controller is no longer in the room");
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
            default -> throw new IllegalStateException();
        }
        return Optional.empty();
    }
}
