package io.github.buttplugjava.examples;

import io.github.buttplugjava.cluster.ClusterNode;
import io.github.buttplugjava.cluster.ClusterRooms;
import io.github.buttplugjava.cluster.RoomSetup;
import io.github.buttplugjava.examples.console.Console;
import io.github.buttplugjava.remote.link.AccessToken;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code hub --cluster}: the hub as a node of a cluster. Each room of the options (or of
 * {@code --room-config}) is created in the cluster unless it exists; its tokens are shown only
 * then (the cluster keeps only their hashes). A room that exists is served as stored: settings
 * given that differ from the stored ones are refused unless {@code --update-room} asks to store
 * them. The legacy grant options ({@code --legacy-allow}, {@code --legacy-max},
 * {@code --legacy-min-interval}) are stored with the room (without them the room has none, and
 * each owner node holds 0.13 forwarders to its own default). On a terminal the node runs a
 * console ({@link ClusterConsole}). {@code --delete-room NAME} deletes a room and exits.
 */
final class ClusterHub {

    /**
     * The options that set a room up, beyond its name: in a cluster the legacy grant options are
     * stored with the room too.
     */
    private static final List<String> SETTINGS = java.util.stream.Stream.concat(
            HubCommand.ROOM_OPTIONS.stream().filter(o -> !o.equals("--room")), LegacyHubOptions.GRANT_OPTIONS.stream()).toList();

    private final HubCommand command;

    ClusterHub(HubCommand command) {
        this.command = command;
    }

    int run() throws Exception {
        if (command.cluster.deleteRoom != null) {
            return delete(command.cluster.deleteRoom);
        }
        ClusterNode node;
        try {
            node = startNode(System.out);
        } catch (IOException e) {
            System.err.println("buttplug hub: " + e.getMessage());
            return 1;
        }
        if (Console.onTerminal()) {
            System.out.println("Any node of the cluster takes any link for these rooms. 'quit' or Ctrl-C leaves the cluster;"
                    + " 'help' lists the commands (rooms, invite, revoke-sharer, revoke-controller, legacy-grant, ...).");
            Thread hook = new Thread(node::close, "buttplug-hub-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                HubCommand.runConsole(new ClusterConsole(node).table());
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C: the hook closes the node
                }
                node.close();
            }
            return 0;
        }
        System.out.println("Any node of the cluster takes any link for these rooms. Ctrl-C leaves the cluster.");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            stopped.countDown();
        }, "buttplug-hub-shutdown"));
        stopped.await();
        return 0;
    }

    /**
     * Starts the node and creates, updates or checks its rooms, saying so on {@code out}.
     *
     * @return the running node
     * @throws IOException                          when NATS cannot be used or the port bound
     * @throws picocli.CommandLine.ParameterException on bad options, or settings that differ from a stored room's
     */
    ClusterNode startNode(PrintStream out) throws IOException {
        List<RoomPlan> plans;
        try {
            List<RoomPlan> configured = command.configuredRooms();
            plans = configured != null ? configured : List.of(command.controllers.plan(command.room, command.shareToken));
        } catch (IllegalArgumentException e) {
            throw OptionErrors.of(command.spec, e.getMessage());
        }
        boolean settingsGiven = command.roomConfig != null || SETTINGS.stream().anyMatch(command::given);
        if (command.cluster.updateRoom && !settingsGiven) {
            throw OptionErrors.of(command.spec, "--update-room stores the room settings given: give --control-token, --controllers,"
                    + " --policy, --lease, --turn, --share-token, --legacy-allow, --legacy-max, --legacy-min-interval"
                    + " or --room-config");
        }
        ClusterNode node;
        try {
            node = command.cluster.start(command.settings());
        } catch (IllegalArgumentException e) {
            throw OptionErrors.of(command.spec, e.getMessage());
        }
        out.println("Hub node '" + command.cluster.nodeName + "' running in cluster '" + command.cluster.clusterName
                + "' (NATS " + command.cluster.natsUrl + ").");
        URI shareUri = node.hub().shareUri();
        out.println("  Share URL:    " + shareUri);
        node.hub().legacyForwarderPath().ifPresent(path -> out.println("  0.13 sharers: buttplug-js 0.13 forwarders dial "
                + shareUri.resolve(path) + " with the share token as the password (any node; the room's legacy grant holds them)"));
        if (node.hub().takesPasswordFirstControllers()) {
            out.println("  0.13 control: " + shareUri.resolve(io.github.buttplugjava.remote.hub.RemoteServer.PASSWORD_FIRST_PATH)
                    + " with a control token as the password");
        }
        try {
            for (RoomPlan plan : plans) {
                place(node.rooms(), plan.toSetup().withLegacyGrant(command.legacy.customGrantOrNull()), settingsGiven,
                        shareUri, out);
            }
        } catch (IllegalArgumentException e) {
            node.close();
            throw OptionErrors.of(command.spec, e.getMessage());
        } catch (IOException | RuntimeException e) {
            node.close();
            throw e;
        }
        return node;
    }

    /** Creates, updates or checks one room, and says what it did. */
    private void place(ClusterRooms rooms, RoomSetup setup, boolean settingsGiven, URI shareUri, PrintStream out)
            throws IOException {
        RoomSetup full = setup.withFreshTokens();
        if (rooms.createIfAbsent(full)) {
            out.println("Room '" + setup.name() + "' created in the cluster (policy " + setup.policy()
                    + "). Its tokens are shown only now: the cluster keeps only their hashes.");
            printTokens(full, shareUri, out);
            return;
        }
        if (command.cluster.updateRoom) {
            RoomSetup made = rooms.update(setup);
            out.println("Room '" + setup.name() + "' updated in the cluster (policy " + setup.policy()
                    + "); the node running it applies the change now. New tokens (stored ones are kept and not shown):");
            printTokens(made, shareUri, out);
            return;
        }
        if (settingsGiven && !rooms.matches(setup)) {
            throw new IllegalArgumentException("room " + setup.name() + " exists in the cluster with other settings:"
                    + " add --update-room to store these (controllers and invites not given are revoked),"
                    + " or leave out the room settings to serve it as stored");
        }
        out.println("Room '" + setup.name() + "'. The room exists in the cluster: its tokens are the ones it was created"
                + " with (the cluster keeps only their hashes).");
    }

    private static void printTokens(RoomSetup s, URI shareUri, PrintStream out) {
        if (s.shareToken() != null) {
            out.println("  Share token:  " + s.shareToken().reveal());
        }
        for (RoomSetup.Invite i : s.invites()) {
            if (i.token() != null) {
                out.println("  Invited:      " + i.alias() + " with share token " + i.token().reveal());
            }
        }
        for (RoomSetup.Controller c : s.controllers()) {
            AccessToken t = c.token();
            if (t != null) {
                out.println("  Control URL:  " + shareUri.resolve("/control/" + t.reveal()) + "   (" + c.name()
                        + CeilingText.suffix(c.ceiling()) + "; a secret: whoever has it can drive the shared toys)");
            }
        }
    }

    int delete(String name) {
        if (command.cluster.updateRoom || command.roomConfig != null || SETTINGS.stream().anyMatch(command::given)) {
            throw OptionErrors.of(command.spec, "--delete-room takes no room settings (and no --update-room)");
        }
        try (ClusterRooms rooms = command.cluster.rooms()) {
            if (rooms.delete(name)) {
                System.out.println("Room '" + name + "' deleted from the cluster; the node running it closes its links"
                        + " (agents stop their toys).");
                return 0;
            }
            System.err.println("buttplug hub: no room named " + name + " in cluster '" + command.cluster.clusterName + "'");
            return 1;
        } catch (IOException e) {
            System.err.println("buttplug hub: " + e.getMessage());
            return 1;
        }
    }
}
