package io.github.buttplugjava.examples;

import io.github.buttplugjava.cluster.RoomPolicy;
import io.github.buttplugjava.cluster.RoomSetup;
import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.remote.hub.Room;
import io.github.buttplugjava.remote.link.AccessToken;

import java.util.List;
import java.util.Map;

/**
 * One room as the room owner sets it up (from {@code hub} options or the room configuration
 * file): its name, share token, arbitration policy, invited sharers and controllers.
 *
 * @param name        the room's name
 * @param shareToken  the open share token, or null for a random one
 * @param policy      who drives when several controllers want to (the cluster's stored form of the three rules)
 * @param invites     invited sharers: alias to their own share token, in order
 * @param controllers at least one; those without a name are named by place
 */
record RoomPlan(String name, String shareToken, RoomPolicy policy, Map<String, String> invites,
                List<ControllerSpec> controllers) {

    RoomPlan {
        invites = Map.copyOf(invites);
        controllers = List.copyOf(controllers);
        if (controllers.isEmpty() || controllers.size() > Room.MAX_CONTROLLERS) {
            throw new IllegalArgumentException("room " + name + " needs 1.." + Room.MAX_CONTROLLERS + " controllers");
        }
    }

    /**
     * Adds this room to {@code hub}: the first controller is named "controller" unless named, the
     * others "controller-2", "controller-3"... unless named.
     *
     * @throws IllegalArgumentException on a bad or repeated token or name
     */
    Room addTo(RemoteServer hub) {
        ControllerSpec first = controllers.get(0);
        Room room = hub.addRoom(name, shareToken == null ? AccessToken.generate() : AccessToken.of(shareToken),
                nameOf(first, 0), first.accessToken(), first.ceiling());
        room.arbitration(policy.toPolicy());
        for (int i = 1; i < controllers.size(); i++) {
            ControllerSpec c = controllers.get(i);
            room.addController(nameOf(c, i), c.accessToken(), c.ceiling());
        }
        invites.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> room.invite(e.getKey(), AccessToken.of(e.getValue())));
        return room;
    }

    /**
     * This room as a cluster stores it ({@code hub --cluster}): tokens not given stay null (a
     * new room gets random ones; an update keeps the stored ones).
     */
    RoomSetup toSetup() {
        RoomSetup setup = RoomSetup.named(name).withShareToken(shareToken == null ? null : AccessToken.of(shareToken))
                .withPolicy(policy);
        for (int i = 0; i < controllers.size(); i++) {
            ControllerSpec c = controllers.get(i);
            setup = setup.withController(nameOf(c, i), c.token() == null ? null : AccessToken.of(c.token()), c.ceiling());
        }
        for (Map.Entry<String, String> e : invites.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            setup = setup.withInvite(e.getKey(), AccessToken.of(e.getValue()));
        }
        return setup;
    }

    private static String nameOf(ControllerSpec c, int place) {
        return c.name() != null ? c.name() : place == 0 ? Room.FIRST_CONTROLLER : Room.FIRST_CONTROLLER + "-" + (place + 1);
    }
}
