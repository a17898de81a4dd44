package io.github.buttplugjava.examples;

import io.github.buttplugjava.remote.hub.ArbitrationPolicy;
import io.github.buttplugjava.remote.hub.ControllerCeiling;
import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.remote.hub.Room;
import io.github.buttplugjava.remote.link.AccessToken;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** The controllers of the hub's room and who drives when several want to, as {@code hub} options. */
final class RoomControllerOptions {

    @Option(names = "--control-token", paramLabel = "TOKEN",
            description = {"A controller's token (at least 22 of A-Z a-z 0-9 _ -); repeat it for several controllers,",
                    "each with its own control URL. Default: one controller with a random token."})
    List<String> controlTokens = new ArrayList<>();

    @Option(names = "--controllers", paramLabel = "N",
            description = "How many controllers the room has (1.." + Room.MAX_CONTROLLERS
                    + "); those without a --control-token get a random one. Default: one per --control-token, at least 1.")
    Integer controllers;

    @Option(names = "--policy", paramLabel = "POLICY", defaultValue = "shared",
            description = {"Who drives a toy when several controllers want to: 'shared' (the latest command wins, per output)",
                    "'exclusive' (a controller holds a toy until idle for --lease, or it stops the toy or leaves),",
                    "or 'turns' (the connected controllers drive in turns of --turn, in order of arrival; toys stop at each handover).",
                    "Default: ${DEFAULT-VALUE}."})
    String policy;

    @Option(names = "--lease", paramLabel = "DURATION", defaultValue = "10s",
            description = "How long an idle controller holds a toy under --policy exclusive (e.g. 10s). Default: ${DEFAULT-VALUE}.")
    String lease;

    @Option(names = "--turn", paramLabel = "DURATION", defaultValue = "30s",
            description = "How long each controller's turn lasts under --policy turns (e.g. 30s, 2m). Default: ${DEFAULT-VALUE}.")
    String turn;

    /**
     * Adds the room with its controllers to {@code hub}: the first is named "controller", the
     * others "controller-2", "controller-3"...
     *
     * @throws IllegalArgumentException on a bad token, count or policy
     */
    Room addRoom(RemoteServer hub, String name, AccessToken shareToken) {
        int count = controllers == null ? Math.max(1, controlTokens.size()) : controllers;
        if (count < 1 || count > Room.MAX_CONTROLLERS || count < controlTokens.size()) {
            throw new IllegalArgumentException("--controllers must be within 1.." + Room.MAX_CONTROLLERS
                    + " and at least the number of --control-token");
        }
        ArbitrationPolicy rule = switch (policy) {
            case "shared" -> ArbitrationPolicy.shared();
            case "exclusive" -> ArbitrationPolicy.exclusive(positive("--lease", lease));
            case "turns" -> ArbitrationPolicy.turns(positive("--turn", turn));
            default -> throw new IllegalArgumentException("--policy must be shared, exclusive or turns, not " + policy);
        };
        Room room = hub.addRoom(name, shareToken, token(0));
        room.arbitration(rule);
        for (int i = 1; i < count; i++) {
            room.addController(Room.FIRST_CONTROLLER + "-" + (i + 1), token(i), ControllerCeiling.NONE);
        }
        return room;
    }

    private static java.time.Duration positive(String option, String text) {
        java.time.Duration d = HumanDuration.parse(text);
        if (d.isZero()) {
            throw new IllegalArgumentException(option + " must be longer than 0, not " + text);
        }
        return d;
    }

    private AccessToken token(int i) {
        return i < controlTokens.size() ? AccessToken.of(controlTokens.get(i)) : AccessToken.generate();
    }
}
