package io.github.buttplugjava.examples;

import io.github.buttplugjava.cluster.RoomPolicy;
import io.github.buttplugjava.remote.hub.ControllerCeiling;
import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.remote.hub.Room;
import io.github.buttplugjava.remote.link.AccessToken;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The controllers of the hub's room and who drives when several want to, as {@code hub} options. */
final class RoomControllerOptions {

    @Option(names = "--control-token", paramLabel = "TOKEN|NAME:TOKEN[:KEY=VALUE...]",
            description = {"A controller's token (at least 22 of A-Z a-z 0-9 _ -); repeat it for several controllers,",
                    "each with its own control URL. The long form names it and sets its ceiling, e.g.",
                    "  bob:TOKEN:types=vibrate,rotate:max=30:expires=1h",
                    "(types: the output types it may set; max: its highest level in percent of what sharers granted;",
                    "expires: how long its access lasts; an empty TOKEN, 'bob::max=30', is a random one).",
                    "Default: one controller with a random token."})
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
     * others "controller-2", "controller-3"... unless {@code --control-token} names them.
     *
     * @throws IllegalArgumentException on a bad token, count or policy
     */
    Room addRoom(RemoteServer hub, String name, AccessToken shareToken) {
        return plan(name, shareToken.reveal()).addTo(hub);
    }

    /**
     * The room these options describe.
     *
     * @param shareToken the share token, or null for a random one
     * @throws IllegalArgumentException on a bad token, count or policy
     */
    RoomPlan plan(String name, String shareToken) {
        int count = controllers == null ? Math.max(1, controlTokens.size()) : controllers;
        if (count < 1 || count > Room.MAX_CONTROLLERS || count < controlTokens.size()) {
            throw new IllegalArgumentException("--controllers must be within 1.." + Room.MAX_CONTROLLERS
                    + " and at least the number of --control-token");
        }
        List<ControllerSpec> specs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            specs.add(i < controlTokens.size() ? ControllerSpec.parse(controlTokens.get(i))
                    : new ControllerSpec(null, null, ControllerCeiling.NONE));
        }
        return new RoomPlan(name, shareToken, policy(policy, lease, turn, "--"), Map.of(), specs);
    }

    /**
     * The policy named {@code name}.
     *
     * @param prefix "--" for options, "" for the configuration file (names the lease/turn fields)
     * @throws IllegalArgumentException on an unknown name or a bad duration
     */
    static RoomPolicy policy(String name, String lease, String turn, String prefix) {
        return switch (name) {
            case "shared" -> RoomPolicy.shared();
            case "exclusive" -> RoomPolicy.exclusive(positive(prefix + "lease", lease));
            case "turns" -> RoomPolicy.turns(positive(prefix + "turn", turn));
            default -> throw new IllegalArgumentException(prefix + "policy must be shared, exclusive or turns, not " + name);
        };
    }

    private static java.time.Duration positive(String option, String text) {
        java.time.Duration d;
        try {
            d = HumanDuration.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
        if (d.isZero() || d.compareTo(RoomPolicy.MAX_SETTING) > 0) {
            throw new IllegalArgumentException(option + " must be longer than 0 and at most 1d, not " + text);
        }
        return d;
    }
}
