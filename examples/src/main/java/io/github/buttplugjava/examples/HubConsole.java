package io.github.buttplugjava.examples;

import io.github.buttplugjava.core.PeerText;
import io.github.buttplugjava.examples.console.CommandArgs;
import io.github.buttplugjava.examples.console.CommandTable;
import io.github.buttplugjava.examples.console.ConsoleCommand;
import io.github.buttplugjava.examples.console.ConsoleInputError;
import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.remote.hub.Room;
import io.github.buttplugjava.remote.hub.RoomController;
import io.github.buttplugjava.remote.link.AccessToken;

import java.util.ArrayList;
import java.util.List;

/**
 * The commands of {@code buttplug hub} on a terminal: list the rooms, invite a sharer (a share
 * token of their own bound to their alias), revoke a sharer or a controller at run time, list a
 * room's controllers.
 */
final class HubConsole {

    private final RemoteServer hub;

    HubConsole(RemoteServer hub) {
        this.hub = hub;
    }

    CommandTable table() {
        ConsoleCommand.Completion room = position -> position == 0 ? roomNames() : List.of();
        ConsoleCommand.Completion roomThenSharer = position -> position == 0 ? roomNames()
                : position == 1 ? sharerNames() : List.of();
        ConsoleCommand.Completion roomThenController = position -> position == 0 ? roomNames()
                : position == 1 ? controllerNames() : List.of();
        List<ConsoleCommand> c = new ArrayList<>();
        c.add(new ConsoleCommand("rooms", "", "the rooms: policy, sharers, invites, controllers connected", List.of(), 0, 0,
                ConsoleCommand.Completion.NONE, args -> rooms()));
        c.add(new ConsoleCommand("controllers", "ROOM", "a room's controllers: connected or not, ceiling, control URL",
                List.of("The control URLs are secrets: whoever has one can drive the shared toys."), 1, 1, room,
                args -> controllers(room(args))));
        c.add(new ConsoleCommand("invite", "ROOM ALIAS [TOKEN]", "give ALIAS a share token of their own (random without TOKEN)",
                List.of("Only that token shares as ALIAS (or a look-alike) from then on; the open share token no longer can.",
                        "TOKEN: at least 22 of A-Z a-z 0-9 _ -, unique in the hub."), 2, 3, roomThenSharer,
                args -> invite(room(args), args)));
        c.add(new ConsoleCommand("revoke-sharer", "ROOM ALIAS", "cut a sharer off: their toys stop and leave, their alias is refused",
                List.of("Their invite ends too; 'invite' lets them in again."), 2, 2, roomThenSharer,
                args -> {
                    Room r = room(args);
                    String alias = args.word(1);
                    return List.of(r.revokeSharer(alias)
                            ? "revoked sharer " + PeerText.name(alias) + " in room " + r.name() + ": their link is closing; their toys stop and leave"
                            : "no sharer or invite " + PeerText.name(alias) + " in room " + r.name()
                            + "; the alias is refused from now on all the same");
                }));
        c.add(new ConsoleCommand("revoke-controller", "ROOM NAME", "cut a controller off: what it set stops, its token is refused",
                List.of("NAME is a controller's name from 'controllers ROOM'."), 2, 2, roomThenController,
                args -> {
                    Room r = room(args);
                    String name = args.word(1);
                    if (!r.revokeController(name)) {
                        throw new ConsoleInputError("no controller '" + PeerText.name(name) + "' in room " + r.name()
                                + "; 'controllers " + r.name() + "' lists them");
                    }
                    return List.of("revoked controller " + PeerText.name(name) + " in room " + r.name()
                            + ": the outputs it set stopped; its URL no longer opens the room");
                }));
        return new CommandTable("hub", c);
    }

    private List<String> rooms() {
        List<String> out = new ArrayList<>();
        for (Room r : hub.rooms()) {
            List<RoomController> cs = r.controllers();
            long connected = cs.stream().filter(RoomController::isConnected).count();
            out.add(r.name() + "  policy " + r.arbitration() + "  sharers " + names(r.agents()) + "  invited "
                    + names(r.invites()) + "  controllers " + connected + " of " + cs.size() + " connected");
        }
        return out;
    }

    private List<String> controllers(Room r) {
        List<String> out = new ArrayList<>();
        for (RoomController c : r.controllers()) {
            String state = c.expired() ? "expired" : c.isConnected() ? "connected" : "not connected";
            out.add(PeerText.name(c.name()) + "  " + state + "  " + CeilingText.describe(c.ceiling()) + "  "
                    + hub.controlUri(c));
        }
        return out.isEmpty() ? List.of("room " + r.name() + " has no controller left") : out;
    }

    private List<String> invite(Room r, CommandArgs args) throws ConsoleInputError {
        String alias = args.word(1);
        AccessToken token;
        try {
            token = args.has(2) ? AccessToken.of(args.word(2)) : AccessToken.generate();
            r.invite(alias, token);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ConsoleInputError(e.getMessage());
        }
        return List.of("invited " + alias + " to room " + r.name() + "; their share token: " + token.reveal(),
                "  they run: java -jar buttplug.jar share --hub " + hub.shareUri() + " --token " + token.reveal()
                        + " --alias " + alias + " ...");
    }

    private Room room(CommandArgs args) throws ConsoleInputError {
        String name = args.word(0);
        return hub.room(name).orElseThrow(() -> new ConsoleInputError("no room '" + PeerText.name(name)
                + "'; 'rooms' lists them"));
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "-" : String.join(", ", names.stream().map(PeerText::name).toList());
    }

    private List<String> roomNames() {
        return hub.rooms().stream().map(Room::name).toList();
    }

    private List<String> sharerNames() {
        List<String> words = new ArrayList<>();
        hub.rooms().forEach(r -> {
            words.addAll(r.agents());
            words.addAll(r.invites());
        });
        return words;
    }

    private List<String> controllerNames() {
        List<String> words = new ArrayList<>();
        hub.rooms().forEach(r -> r.controllers().forEach(c -> words.add(c.name())));
        return words;
    }
}
