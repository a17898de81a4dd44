package io.github.buttplugjava.examples;

import io.github.buttplugjava.cluster.ClusterNode;
import io.github.buttplugjava.cluster.ClusterRooms;
import io.github.buttplugjava.cluster.RoomSetup;
import io.github.buttplugjava.core.PeerText;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.examples.console.CommandArgs;
import io.github.buttplugjava.examples.console.CommandTable;
import io.github.buttplugjava.examples.console.ConsoleCommand;
import io.github.buttplugjava.examples.console.ConsoleInputError;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.OutputGrant;
import io.github.buttplugjava.remote.hub.Room;
import io.github.buttplugjava.remote.hub.RoomController;
import io.github.buttplugjava.remote.link.AccessToken;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The commands of {@code buttplug hub --cluster} on a terminal. The rooms are the cluster's:
 * every change (an invite, a revoked invite or controller, a legacy grant, a deleted room) is
 * stored through {@link ClusterRooms}, so whichever node runs the room applies it at once; what
 * links are connected is known only for the rooms this node runs. Control URLs cannot be shown:
 * the cluster keeps only the tokens' hashes.
 */
final class ClusterConsole {

    private final ClusterNode node;

    ClusterConsole(ClusterNode node) {
        this.node = node;
    }

    CommandTable table() {
        ConsoleCommand.Completion room = position -> position == 0 ? roomNames() : List.of();
        List<ConsoleCommand> c = new ArrayList<>();
        c.add(new ConsoleCommand("rooms", "", "the cluster's rooms: policy, controllers, invites, legacy grant, where they run",
                List.of(), 0, 0, ConsoleCommand.Completion.NONE, args -> rooms()));
        c.add(new ConsoleCommand("controllers", "ROOM", "a room's controllers and ceilings (connected or not, when it runs here)",
                List.of("Control URLs cannot be shown: the cluster keeps only the tokens' hashes."), 1, 1, room,
                args -> controllers(args.word(0))));
        c.add(new ConsoleCommand("invite", "ROOM ALIAS [TOKEN]", "give ALIAS a share token of their own (random without TOKEN)",
                List.of("Stored in the cluster: the agent can share as ALIAS with it through any node.",
                        "TOKEN: at least 22 of A-Z a-z 0-9 _ -, unique in the cluster."), 2, 3, room,
                args -> invite(args)));
        c.add(new ConsoleCommand("revoke-sharer", "ROOM ALIAS", "cut a sharer off: their toys stop and leave, their alias is refused",
                List.of("Stored in the cluster: their link closes through whichever node it came, their invite ends too,",
                        "and the alias is refused wherever the room runs; 'invite' lets them in again."), 2, 2, room,
                args -> revokeSharer(args.word(0), args.word(1))));
        c.add(new ConsoleCommand("revoke-controller", "ROOM NAME", "cut a controller off: what it set stops, its token is refused",
                List.of("Stored in the cluster: its link closes through whichever node it came."), 2, 2, room,
                args -> revokeController(args.word(0), args.word(1))));
        c.add(new ConsoleCommand("legacy-grant", "ROOM OUTPUT=LEVEL[,...] [MIN_INTERVAL] | ROOM default",
                "what buttplug-js 0.13 forwarders' toys may do in ROOM (the hub enforces it)",
                List.of("E.g. 'legacy-grant party vibrate=0.4,rotate=0.2 100ms'; 'default' uses each node's --legacy-* options.",
                        "Forwarders that join from now on are held to it; those linked keep theirs until they link again."),
                2, 3, room, args -> legacyGrant(args)));
        c.add(new ConsoleCommand("delete-room", "ROOM", "delete ROOM from the cluster: every link closes, agents stop their toys",
                List.of(), 1, 1, room, args -> {
                    String name = args.word(0);
                    if (!node.rooms().delete(name)) {
                        throw new ConsoleInputError(noRoom(name));
                    }
                    return List.of("deleted room " + name + " from the cluster; the node running it closes its links");
                }));
        return new CommandTable("hub", c);
    }

    private List<String> rooms() throws IOException {
        List<String> out = new ArrayList<>();
        for (String name : node.rooms().names()) {
            Optional<RoomSetup> stored = node.rooms().stored(name);
            if (stored.isEmpty()) {
                continue; // deleted meanwhile
            }
            RoomSetup s = stored.get();
            out.add(name + "  policy " + s.policy() + "  controllers " + names(s.controllers().stream()
                    .map(RoomSetup.Controller::name).toList()) + "  invited " + names(s.invites().stream()
                    .map(RoomSetup.Invite::alias).toList()) + "  refused " + names(node.rooms().refused(name)) + "  legacy " + legacy(s.legacyGrant()) + "  " + whereItRuns(name));
        }
        return out.isEmpty() ? List.of("no rooms in the cluster") : out;
    }

    private String whereItRuns(String name) {
        Optional<Room> here = running(name);
        if (here.isEmpty()) {
            return "runs on another node (or on none yet)";
        }
        List<RoomController> cs = here.get().controllers();
        long connected = cs.stream().filter(RoomController::isConnected).count();
        return "runs here: sharers " + names(here.get().agents()) + ", controllers " + connected + " of " + cs.size()
                + " connected";
    }

    private List<String> controllers(String name) throws IOException, ConsoleInputError {
        RoomSetup s = node.rooms().stored(name).orElseThrow(() -> new ConsoleInputError(noRoom(name)));
        Optional<Room> here = running(name);
        List<String> out = new ArrayList<>();
        for (RoomSetup.Controller c : s.controllers()) {
            String state = here.map(r -> r.controller(c.name()).map(rc -> rc.expired() ? "expired"
                    : rc.isConnected() ? "connected" : "not connected").orElse("access ended")).orElse("");
            out.add(PeerText.name(c.name()) + (state.isEmpty() ? "" : "  " + state) + "  " + CeilingText.describe(c.ceiling()));
        }
        return out;
    }

    private List<String> invite(CommandArgs args) throws IOException, ConsoleInputError {
        String room = args.word(0);
        String alias = args.word(1);
        AccessToken token;
        try {
            token = node.rooms().invite(room, alias, args.has(2) ? AccessToken.of(args.word(2)) : null);
        } catch (IllegalArgumentException e) {
            throw new ConsoleInputError(e.getMessage());
        }
        return List.of("invited " + alias + " to room " + room + " (stored in the cluster); their share token: " + token.reveal(),
                "  they run: java -jar buttplug.jar share --hub " + node.hub().shareUri() + " --token " + token.reveal()
                        + " --alias " + alias + " ...");
    }

    private List<String> revokeSharer(String room, String alias) throws IOException, ConsoleInputError {
        boolean invited;
        try {
            invited = node.rooms().refuseSharer(room, alias);
        } catch (IllegalArgumentException e) {
            throw new ConsoleInputError(e.getMessage());
        }
        return List.of("revoked sharer " + PeerText.name(alias) + " in room " + room + " (stored in the cluster"
                + (invited ? "; their invite ended" : "") + "): their link is closing; their toys stop and leave;"
                + " the alias is refused until invited again");
    }

    private List<String> revokeController(String room, String name) throws IOException, ConsoleInputError {
        boolean found;
        try {
            found = node.rooms().revokeController(room, name);
        } catch (IllegalArgumentException e) {
            throw new ConsoleInputError(e.getMessage());
        }
        if (!found) {
            throw new ConsoleInputError("no controller '" + PeerText.name(name) + "' in room " + room + "; 'controllers "
                    + room + "' lists them");
        }
        return List.of("revoked controller " + PeerText.name(name) + " in room " + room
                + " (stored in the cluster): the outputs it set stop; its URL no longer opens the room");
    }

    private List<String> legacyGrant(CommandArgs args) throws IOException, ConsoleInputError {
        String room = args.word(0);
        DeviceGrant grant;
        if (args.word(1).equals("default")) {
            if (args.has(2)) {
                throw new ConsoleInputError("legacy-grant ROOM default takes nothing after it");
            }
            grant = null;
        } else {
            grant = parseGrant(args.word(1), args.has(2) ? args.word(2) : null);
        }
        try {
            node.rooms().legacyGrant(room, grant);
        } catch (IllegalArgumentException e) {
            throw new ConsoleInputError(e.getMessage());
        }
        return List.of("room " + room + ": 0.13 forwarders that join from now on get " + legacy(grant) + " (stored in the cluster)");
    }

    private static DeviceGrant parseGrant(String levels, String interval) throws ConsoleInputError {
        try {
            Duration every = interval == null ? Duration.ZERO : HumanDuration.parse(interval);
            DeviceGrant grant = DeviceGrant.none();
            for (String part : levels.split(",")) {
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    throw new ConsoleInputError("legacy-grant: give OUTPUT=LEVEL, e.g. vibrate=0.4 (got '"
                            + PeerText.clean(part, 40) + "')");
                }
                OutputType type = GrantOptions.outputType(part.substring(0, eq));
                double level = Double.parseDouble(part.substring(eq + 1));
                grant = grant.withOutput(type, new OutputGrant(level, every));
            }
            return grant;
        } catch (NumberFormatException e) {
            throw new ConsoleInputError("legacy-grant: a level is a number in (0, 1]");
        } catch (IllegalArgumentException e) {
            throw new ConsoleInputError("legacy-grant: " + e.getMessage());
        }
    }

    private static String legacy(DeviceGrant grant) {
        return grant == null ? "node default" : GrantOptions.describe(grant);
    }

    private Optional<Room> running(String name) {
        return node.status().roomsOwned().contains(name) ? node.hub().room(name) : Optional.empty();
    }

    private static String noRoom(String name) {
        return "no room '" + PeerText.name(name) + "' in the cluster; 'rooms' lists them";
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "-" : String.join(", ", names.stream().map(PeerText::name).toList());
    }

    private List<String> roomNames() {
        return node.rooms().names();
    }
}
