package io.github.buttplugjava.examples;

import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.remote.hub.RemoteServerBuilder;
import io.github.buttplugjava.remote.hub.Room;
import io.github.buttplugjava.remote.hub.RoomController;
import io.github.buttplugjava.remote.link.AccessToken;
import io.github.buttplugjava.transport.ws.KeepAlive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import io.github.buttplugjava.examples.console.CommandTable;
import io.github.buttplugjava.examples.console.Console;
import io.github.buttplugjava.examples.console.ConsoleInputError;

import java.io.IOException;
import java.util.Optional;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code buttplug hub}: a remote-sharing hub with one room. Prints the share URL and token (for the
 * people sharing) and the control URL (for the controller). Ctrl-C disconnects everyone; every
 * agent then stops its toys.
 */
@Command(name = "hub", mixinStandardHelpOptions = true,
        description = {"Run a remote-sharing hub (toys shared in, controllers drive them).",
                "People share toys into it with 'share'; controllers (any Buttplug app) drive them",
                "through their control URLs (one per --control-token, or --controllers N)."})
public final class HubCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; anything else should use TLS).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(names = "--room", defaultValue = "default", description = "Room name (default: ${DEFAULT-VALUE}).")
    String room;

    @Option(names = "--share-token", description = "Share token to use (at least 22 of A-Z a-z 0-9 _ -). Default: a random one.")
    String shareToken;

    @Mixin
    RoomControllerOptions controllers = new RoomControllerOptions();

    @Option(names = "--room-config", paramLabel = "FILE",
            description = {"Set up the hub's rooms from this JSON file (rooms, share tokens, invited sharers, controllers",
                    "with their ceilings, policy, lease or turn); replaces --room, --share-token, --control-token,",
                    "--controllers, --policy, --lease and --turn. See docs/REMOTE.md and examples/rooms.example.json."})
    Path roomConfig;

    /** The options that --room-config replaces. */
    static final java.util.List<String> ROOM_OPTIONS = java.util.List.of(
            "--room", "--share-token", "--control-token", "--controllers", "--policy", "--lease", "--turn");

    @Option(names = "--controller-ping-ms", defaultValue = "0",
            description = {"MaxPingTime of the controller in ms: a controller that stops pinging is dropped and the toys stop.",
                    "Default ${DEFAULT-VALUE} (off): apps built on the npm 'buttplug' package never ping. Use e.g. 2000 with apps that do."})
    long controllerPingMs;

    @Option(names = "--ws-keepalive-ms", defaultValue = "1000",
            description = {KeepAliveOption.HELP, "Default ${DEFAULT-VALUE}: a frozen controller's toys stop within about 4 s."})
    long wsKeepaliveMs;

    @Option(names = "--io-threads", paramLabel = "N",
            description = {"Threads that read and write the hub's sockets.",
                    "Default: half the processors, at least 1 (here ${DEFAULT-VALUE}); more help only when socket I/O alone fills a core."})
    int ioThreads = RemoteServer.DEFAULT_IO_THREADS;

    @Option(names = "--tls-keystore", paramLabel = "FILE",
            description = "Serve wss:// with the key in this PKCS12/JKS keystore; its password is read from $" + ServeCommand.TLS_PASSWORD_ENV + ".")
    Path tlsKeystore;

    @Mixin
    ConnectionLimitOptions connectionLimits = new ConnectionLimitOptions();

    @Mixin
    MessageLimitOptions messageLimits = new MessageLimitOptions();

    @Mixin
    AgentLimitOptions agentLimits = new AgentLimitOptions();

    @Mixin
    LegacyHubOptions legacy = new LegacyHubOptions();

    @Mixin
    HubWebOptions web = new HubWebOptions();

    @Mixin
    ClusterOptions cluster = new ClusterOptions();

    /** The hub's settings from the options. */
    RemoteServerBuilder settings() throws IOException {
        RemoteServerBuilder b = RemoteServer.builder().host(host).port(port)
                .controllerMaxPingTime(Duration.ofMillis(controllerPingMs))
                .messageLimits(messageLimits.limits())
                .ioThreads(ioThreads);
        connectionLimits.applyTo(b);
        agentLimits.applyTo(b);
        legacy.applyTo(b);
        web.applyTo(b);
        KeepAlive keepAlive = KeepAliveOption.fromMillis(wsKeepaliveMs);
        if (keepAlive == null) {
            b.noKeepAlive();
        } else {
            b.keepAlive(keepAlive.interval(), keepAlive.timeout());
        }
        if (tlsKeystore != null) {
            String password = System.getenv(ServeCommand.TLS_PASSWORD_ENV);
            if (password == null) {
                throw new IOException("set $" + ServeCommand.TLS_PASSWORD_ENV + " to the keystore password");
            }
            b.tls(tlsKeystore, password.toCharArray());
        }
        return b;
    }

    /** Builds and starts the hub: the room of the options, or those of {@code --room-config}. */
    RemoteServer start() throws IOException {
        java.util.List<RoomPlan> plans = configuredRooms();
        RemoteServer hub = settings().build();
        try {
            if (plans == null) {
                controllers.addRoom(hub, room, shareToken == null ? AccessToken.generate() : AccessToken.of(shareToken));
            } else {
                plans.forEach(plan -> plan.addTo(hub));
            }
        } catch (IllegalArgumentException e) {
            hub.close();
            throw e;
        }
        return hub.start();
    }

    /**
     * The rooms of {@code --room-config}, or null without it.
     *
     * @throws IllegalArgumentException on a bad file, or room options given with it
     */
    java.util.List<RoomPlan> configuredRooms() {
        java.util.List<RoomPlan> plans = roomConfig == null ? null : RoomConfigFile.read(roomConfig);
        if (plans != null) {
            java.util.List<String> also = ROOM_OPTIONS.stream().filter(this::given).toList();
            if (!also.isEmpty()) {
                throw new IllegalArgumentException("--room-config sets up the rooms: leave out " + String.join(", ", also));
            }
        }
        return plans;
    }

    /** The hub console on this terminal until quit, Ctrl-D or Ctrl-C; then the hub closes. */
    private static int console(RemoteServer hub) throws Exception {
        Thread hook = new Thread(hub::close, "buttplug-hub-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            runConsole(new HubConsole(hub).table());
        } finally {
            hub.close();
        }
        return 0;
    }

    /**
     * Runs {@code table} on this terminal (the {@code hub>} prompt) until quit, Ctrl-D or Ctrl-C.
     *
     * @throws IOException          when the terminal cannot be opened
     * @throws InterruptedException when interrupted while waiting for a line
     */
    static void runConsole(CommandTable table) throws IOException, InterruptedException {
        try (Console console = Console.terminal("buttplug-hub", "hub> ", table)) {
            while (true) {
                Optional<String> line = console.next();
                if (line.isEmpty()) {
                    break;
                }
                CommandTable.Outcome outcome;
                try {
                    outcome = table.run(console.words(line.get()));
                } catch (ConsoleInputError e) {
                    outcome = new CommandTable.Outcome.Failed(e.getMessage());
                }
                if (outcome instanceof CommandTable.Outcome.Quit) {
                    break;
                }
                if (outcome instanceof CommandTable.Outcome.Done done) {
                    done.lines().forEach(console::print);
                } else if (outcome instanceof CommandTable.Outcome.Failed failed) {
                    console.print("error: " + failed.message());
                }
            }
            console.print("stopping the hub; every agent stops its toys");
        }
    }

    /** Whether the command line gave {@code option} (not just its default). */
    boolean given(String option) {
        picocli.CommandLine.ParseResult parsed = spec == null ? null : spec.commandLine().getParseResult();
        return parsed != null && parsed.hasMatchedOption(option);
    }

    private static void printRoom(RemoteServer hub, Room r) {
        System.out.println("Hub running. Room '" + r.name() + "'.");
        System.out.println("  Share URL:    " + hub.shareUri());
        System.out.println("  Share token:  " + r.shareToken().reveal());
        for (String alias : r.invites()) {
            System.out.println("  Invited:      " + alias + " (with their own share token, from the room configuration)");
        }
        for (RoomController c : r.controllers()) {
            System.out.println("  Control URL:  " + hub.controlUri(c) + "   (" + c.name() + CeilingText.suffix(c.ceiling())
                    + "; a secret: whoever has it can drive the shared toys)");
            System.out.println("  Control page: " + hub.controlPageUri(c) + "   (the same secret, to open in a browser)");
        }
        System.out.println("  Policy:       " + r.arbitration());
        System.out.println();
    }

    @Override
    public Integer call() throws Exception {
        if (cluster.enabled()) {
            return new ClusterHub(this).run();
        }
        RemoteServer hub;
        try {
            hub = start();
        } catch (IllegalArgumentException e) {
            throw OptionErrors.of(spec, e.getMessage());
        } catch (IOException e) {
            System.err.println("buttplug hub: " + e.getMessage());
            return 1;
        }
        for (Room each : hub.rooms()) {
            printRoom(hub, each);
        }
        Room r = hub.rooms().get(0);
        System.out.println("Share a toy:   java -jar buttplug.jar share --hub " + hub.shareUri() + " --token "
                + r.shareToken().reveal() + " --alias Alice --simulate lovense --max vibrate=0.5");
        System.out.println("Control:       java -jar buttplug.jar control --url " + hub.controlUri(r));
        System.out.println("               (or point any Buttplug app at the control URL)");
        if (!"off".equals(legacy.forwarderPath)) {
            System.out.println("0.13 sharers:  buttplug-js 0.13 forwarders dial " + hub.shareUri().resolve(legacy.forwarderPath)
                    + " with the share token as the password; the hub limits their toys (it warns if you kept the default).");
        }
        if (legacy.passwordFirst) {
            System.out.println("0.13 control:  " + hub.shareUri().resolve("/") + " with the control token as the password.");
        }
        if (Console.onTerminal()) {
            System.out.println("'quit' or Ctrl-C stops the hub; every agent then stops its toys. 'help' lists the commands"
                    + " (rooms, invite, revoke-sharer, revoke-controller, controllers).");
            return console(hub);
        }
        System.out.println("Ctrl-C stops the hub; every agent then stops its toys.");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            hub.close();
            stopped.countDown();
        }, "buttplug-hub-shutdown"));
        stopped.await();
        return 0;
    }
}
