package io.github.buttplugjava.remote.hub;


import io.github.buttplugjava.remote.link.AccessToken;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The rooms of one hub, by name and by token. Adding is serialized; looking up is lock-free, so a
 * flood of links never waits on a room being added. Tokens are compared only through
 * {@link AccessToken#matches}, in constant time.
 */
final class RoomRegistry {

    private final List<Room> rooms = new CopyOnWriteArrayList<>();
    private final Map<String, Room> byName = new ConcurrentHashMap<>();

    /**
     * Adds the room {@code create} makes, after checking that its name and tokens are free.
     *
     * @throws IllegalArgumentException when a room has this name, a token is already a token of
     *                                  another room, or the share and control tokens are the same
     */
    synchronized Room add(String name, AccessToken shareToken, AccessToken controlToken, Supplier<Room> create) {
        if (byName.containsKey(name)) {
            throw new IllegalArgumentException("a room named " + name + " exists");
        }
        if (inUse(shareToken) || inUse(controlToken)) {
            throw new IllegalArgumentException("tokens must not be shared between rooms");
        }
        if (shareToken.matches(controlToken.reveal())) {
            throw new IllegalArgumentException("the share and control tokens must differ");
        }
        Room room = create.get();
        rooms.add(room);
        byName.put(name, room);
        return room;
    }

    /**
     * Runs {@code create} (which adds a controller with {@code token} to a room) if no room of this
     * hub uses {@code token} yet, serialized with every other addition.
     *
     * @throws IllegalArgumentException when the token is a share or control token already
     */
    synchronized <T> T ifTokenFree(AccessToken token, Supplier<T> create) {
        if (inUse(token)) {
            throw new IllegalArgumentException("this token is already a share or control token of this hub");
        }
        return create.get();
    }

    private boolean inUse(AccessToken token) {
        String secret = token.reveal();
        for (Room r : rooms) {
            if (r.shareToken().matches(secret) || r.controllerWithToken(secret).isPresent()
                    || r.invitedAlias(secret).isPresent()) {
                return true;
            }
        }
        return false;
    }

    Optional<Room> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    List<Room> all() {
        return List.copyOf(rooms);
    }

    /** The room one of whose controllers' tokens {@code token} is. */
    Optional<Room> withControlToken(String token) {
        for (Room r : rooms) {
            if (r.controllerWithToken(token).isPresent()) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The room whose share token {@code token} is; every room is compared, whichever matches. */
    Optional<Room> withShareToken(String token) {
        Room room = null;
        for (Room r : rooms) {
            if (r.shareToken().matches(token)) {
                room = r;
            }
        }
        return Optional.ofNullable(room);
    }

    /** The room one of whose invites' tokens {@code token} is; every room is compared. */
    Optional<Room> withInviteToken(String token) {
        Room room = null;
        for (Room r : rooms) {
            if (r.invitedAlias(token).isPresent()) {
                room = r;
            }
        }
        return Optional.ofNullable(room);
    }

    /** Forgets the room named {@code name}, serialized with additions; the caller closes it. */
    synchronized Optional<Room> remove(String name) {
        Room room = byName.remove(name);
        if (room != null) {
            rooms.remove(room);
        }
        return Optional.ofNullable(room);
    }

    /** Closes every room. */
    void closeAll() {
        rooms.forEach(Room::close);
    }
}
