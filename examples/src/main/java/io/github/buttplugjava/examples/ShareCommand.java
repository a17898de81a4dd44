package io.github.buttplugjava.examples;

import io.github.buttplugjava.btle.config.DeviceConfiguration;
import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ClientDeviceSource;
import io.github.buttplugjava.core.device.DeviceSource;
import io.github.buttplugjava.examples.console.CommandTable;
import io.github.buttplugjava.examples.console.Console;
import io.github.buttplugjava.examples.console.ConsoleInputError;
import io.github.buttplugjava.examples.console.Failures;
import io.github.buttplugjava.remote.agent.GrantFilter;
import io.github.buttplugjava.remote.agent.LegacyHubClient;
import io.github.buttplugjava.remote.agent.RemoteClient;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code buttplug share}: shares local toys (Bluetooth through BlueZ or TinyB, simulated ones driven
 * through their real protocol handlers, or those of a Buttplug server such as Intiface) with a hub,
 * under grants, with a console to change sharing while it runs; with {@code --legacy-hub}, into a
 * buttplug-js 0.13 hub as a 0.13 forwarder would (the grants are still enforced here).
 *
 * <p>Configuration mistakes end it at once with the reason (status 2): a URL that is not
 * {@code ws://}/{@code wss://}, a hub that refuses the token or has nothing at the path. The toys
 * are looked for only once the hub has let the agent in. Only a lost network is retried.
 */
@Command(name = "share", mixinStandardHelpOptions = true,
        description = {"Share toys with a remote controller through a hub.",
                "Every toy is shared under the grant options; or choose toys with --device, each followed by its own options:",
                "  --max vibrate=0.5 --device \"Lovense Hush\" --expire 30m --device 1 --battery",
                "While it runs, type 'help': list, pause [TOY], resume [TOY], revoke [TOY], share [TOY], stop, panic, quit."})
public final class ShareCommand implements Callable<Integer> {

    /** Environment variable that may hold the share token instead of --token. */
    static final String TOKEN_ENV = "BUTTPLUG_SHARE_TOKEN";

    /** Environment variable that may hold a 0.13 hub's password instead of --password. */
    static final String LEGACY_PASSWORD_ENV = "BUTTPLUG_LEGACY_PASSWORD";

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    @Spec
    CommandSpec spec;

    @Option(names = "--hub", paramLabel = "URL",
            description = {"The hub's share URL, e.g. ws://127.0.0.1:8080/share. Repeat it for the nodes of a hub cluster:",
                    "after a drop the agent dials the next one in turn."})
    java.util.List<URI> hubs = new java.util.ArrayList<>();

    /** The first --hub, or null. */
    URI hub;

    @Option(names = "--legacy-hub", paramLabel = "URL",
            description = {"Share into a buttplug-js 0.13 hub instead, e.g. ws://127.0.0.1:8080/forwarder. The grant is",
                    "enforced here (a 0.13 hub enforces nothing); the toys stop when that hub closes or is silent."})
    URI legacyHub;

    @Option(names = "--password", description = "The 0.13 hub's password, sent first (or set $" + LEGACY_PASSWORD_ENV + "). Default: none.")
    String password;

    @Option(names = "--token", description = "The room's share token (or set $" + TOKEN_ENV + ").")
    String token;

    @Option(names = "--alias", required = true, description = "Your name as the controller sees it, e.g. Alice.")
    String alias;

    @Mixin
    BleOptions ble = new BleOptions();

    @Mixin
    SerialOptions serial = new SerialOptions();

    @Mixin
    LovenseDongleOptions lovenseDongle = new LovenseDongleOptions();

    @Mixin
    LovenseConnectOptions lovenseConnect = new LovenseConnectOptions();

    @Mixin
    HidOptions hid = new HidOptions();

    @Option(names = "--server", paramLabel = "URL",
            description = "Share the toys of this Buttplug server (Intiface Central, or 'buttplug serve'), e.g. ws://127.0.0.1:12345.")
    URI server;

    @Option(names = "--max-ping-ms", defaultValue = "1500",
            description = "If the hub is silent this long, stop every toy (default: ${DEFAULT-VALUE}; with --legacy-hub: no frame and no WebSocket pong).")
    long maxPingMs;

    @Option(names = "--device", paramLabel = "TOY",
            description = "Share only this toy (its name, or its number in 'list'); the grant options after it are its own. Repeatable.")
    List<String> devices = new ArrayList<>();

    @Mixin
    GrantOptions grantOptions = new GrantOptions();

    @Mixin
    MessageLimitOptions messageLimits = new MessageLimitOptions();

    private RemoteClient.Builder agentBuilder(String secret, io.github.buttplugjava.core.device.DeviceSource toys) {
        RemoteClient.Builder b = RemoteClient.builder(hub, secret, alias, toys);
        hubs.subList(1, hubs.size()).forEach(b::alsoHub);
        return b;
    }

    @Override
    public Integer call() throws Exception {
        hub = hubs.isEmpty() ? null : hubs.get(0);
        if ((hub == null) == (legacyHub == null)) {
            throw OptionErrors.of(spec, "give the hub with either --hub URL or --legacy-hub URL");
        }
        String secret = token != null ? token : System.getenv(TOKEN_ENV);
        if (secret == null && hub != null) {
            throw OptionErrors.of(spec, "give the room's share token with --token or $" + TOKEN_ENV);
        }
        if (hub != null) {
            for (URI h : hubs) {
                checkWebSocket("--hub", h);
            }
        } else {
            checkWebSocket("--legacy-hub", legacyHub);
        }
        if (server != null) {
            checkWebSocket("--server", server);
        }
        boolean localToys = ble.anyDevices() || !serial.serial.isEmpty() || lovenseDongle.given() || lovenseConnect.given()
                || hid.hid || configurationNamesToys();
        if ((server == null) != localToys) {
            throw OptionErrors.of(spec, "give either toys (--simulate TOY,..., --ble bluez|tinyb, --serial PORT=PROTOCOL, "
                    + "--lovense-dongle PORT, --lovense-connect [HOST:PORT] or --hid) or --server URL");
        }
        ToyGrants toyGrants;
        try {
            toyGrants = ToyGrants.from(spec.commandLine().getParseResult().originalArgs(), Instant.now());
        } catch (IllegalArgumentException e) {
            throw OptionErrors.of(spec, e.getMessage());
        }
        DeviceSource local;
        try {
            local = server != null ? intiface(server) : localToys();
        } catch (IllegalArgumentException e) {
            throw OptionErrors.of(spec, e.getMessage());
        } catch (BleOptions.UnusableAdapterException e) {
            System.err.println("buttplug share: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            System.err.println("buttplug share: " + e.getMessage());
            return 1;
        }
        GrantFilter[] grantsHolder = new GrantFilter[1];
        CompletableFuture<Console> consoleReady = new CompletableFuture<>();
        LinkGatedSource toys = new LinkGatedSource(local, toy -> {
            Optional<io.github.buttplugjava.remote.agent.DeviceGrant> grant = toyGrants.grantFor(toy.number(), toy.device().name());
            if (toyGrants.choosesToys()) {
                grant.ifPresent(g -> grantsHolder[0].share(toy.device().identifier(), g));
            }
            String what = grant.map(g -> "shared: " + GrantOptions.describe(g)).orElse("not shared (no --device for it)");
            consoleReady.thenAccept(c -> c.print(now() + " toy " + toy.number() + " found: "
                    + io.github.buttplugjava.core.PeerText.name(toy.device().name()) + ", " + what));
        }, toy -> consoleReady.thenAccept(c -> c.print(now() + " toy " + toy.number() + " left: "
                + io.github.buttplugjava.core.PeerText.name(toy.device().name()))));
        CompletableFuture<Integer> finished = new CompletableFuture<>();
        ShareConsole commands;
        Agent agent;
        Console console = null;
        try {
            Listener narrator = new Listener(consoleReady, toys, finished);
            SharePresence presence = new SharePresence(consoleReady, toys, ShareCommand::now, legacyHub != null
                    ? "a buttplug-js 0.13 hub does not tell who is in the room" : "not linked to the hub yet");
            try {
                if (legacyHub != null) {
                    agent = legacy(toys, narrator);
                } else {
                    RemoteClient client = agentBuilder(secret, toys)
                            .maxPingTime(Duration.ofMillis(maxPingMs)).messageLimits(messageLimits.limits())
                            .listener(narrator).presenceListener(presence).build();
                    presence.readFrom(client::presence);
                    agent = Agent.of(client);
                }
            } catch (IllegalArgumentException e) {
                throw OptionErrors.of(spec, e.getMessage());
            }
            GrantFilter grants = agent.grants();
            grantsHolder[0] = grants;
            grants.shareAll(toyGrants.choosesToys() ? null : toyGrants.everyToy()).get(5, TimeUnit.SECONDS);
            commands = new ShareConsole(grants, toys, toyGrants, presence::who);
            CommandTable table = commands.table();
            console = Console.onTerminal() ? Console.terminal("buttplug-share", "share> ", table) : Console.lines(System.in);
            consoleReady.complete(console);
            console.print("Sharing as '" + alias + "'" + (legacyHub != null ? " into a buttplug-js 0.13 hub" : "") + " from " + (server != null ? "the Buttplug server at " + server
                    : describeLocalToys()) + ": " + (toyGrants.choosesToys() ? "only " + String.join(", ", toyGrants.names())
                    : "every toy, " + GrantOptions.describe(toyGrants.everyToy())) + ".");
            console.print(now() + " dialing the hub at " + (hub != null ? hub : legacyHub) + " (toys are looked for once it lets this agent in)"
                    + (console.interactive() ? "; type 'help' for the commands" : ""));
            Agent running = agent;
            Console shown = console;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                running.close();
                finished.complete(0);
                shown.interrupt();
            }, "buttplug-share-shutdown"));
            agent.start().whenComplete((v, e) -> {
                if (e != null) {
                    finished.complete(OptionErrors.STATUS);
                    shown.interrupt();
                }
            });
            int status = loop(console, table, finished);
            agent.close();
            return status;
        } finally {
            if (console != null) {
                console.close();
            }
        }
    }

    /** The share agent of either kind: what this command needs of it. */
    private record Agent(GrantFilter grants, java.util.function.Supplier<CompletableFuture<Void>> starter, Runnable closer) {
        static Agent of(RemoteClient c) {
            return new Agent(c.grants(), c::start, c::close);
        }

        static Agent of(LegacyHubClient c) {
            return new Agent(c.grants(), c::start, c::close);
        }

        CompletableFuture<Void> start() {
            return starter.get();
        }

        void close() {
            closer.run();
        }
    }

    private Agent legacy(DeviceSource local, RemoteClient.Listener narrator) {
        LegacyHubClient.Builder b = LegacyHubClient.builder(legacyHub, alias, local)
                .silenceTimeout(Duration.ofMillis(maxPingMs)).messageLimits(messageLimits.limits()).listener(narrator);
        String secret = password != null ? password : System.getenv(LEGACY_PASSWORD_ENV);
        if (secret != null) {
            b.password(secret);
        }
        return Agent.of(b.build());
    }

    private void checkWebSocket(String option, URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            throw OptionErrors.of(spec, option + " must be a ws:// or wss:// address, not '" + url + "'");
        }
    }

    /**
     * Runs typed lines until quit or the end of the share; without a terminal, the end of stdin
     * leaves the toys shared until the agent ends (Ctrl-C, SIGTERM, the hub refusing).
     */
    private static int loop(Console console, CommandTable table, CompletableFuture<Integer> finished) throws Exception {
        while (!finished.isDone()) {
            Optional<String> line = console.next();
            if (line.isEmpty()) {
                if (console.interactive() || finished.isDone()) {
                    break;
                }
                return finished.get();
            }
            CommandTable.Outcome outcome;
            try {
                outcome = table.run(console.words(line.get()));
            } catch (ConsoleInputError e) {
                outcome = new CommandTable.Outcome.Failed(e.getMessage());
            }
            if (outcome instanceof CommandTable.Outcome.Quit) {
                return 0;
            }
            if (outcome instanceof CommandTable.Outcome.Done done) {
                done.lines().forEach(console::print);
            } else if (outcome instanceof CommandTable.Outcome.Failed failed) {
                console.print("error: " + failed.message());
            }
        }
        return finished.getNow(0);
    }

    private static String now() {
        return LocalTime.now().format(CLOCK);
    }

    /**
     * The toys on this machine: the Bluetooth or simulated ones, the serial ports, the dongle's toy,
     * the Lovense app's toys, one source or several in one (so the agent sees one list).
     */
    private DeviceSource localToys() throws BleOptions.UnusableAdapterException, InterruptedException {
        serial.ports(); // a malformed PORT=PROTOCOL fails here, before any adapter or port is opened
        java.util.List<DeviceSource> sources = new java.util.ArrayList<>();
        try {
            // --serial, --lovense-connect and the ports and apps a user configuration names
            DeviceConfiguration configuration = ble.configuration();
            serial.open(configuration).ifPresent(sources::add);
            lovenseDongle.open().ifPresent(sources::add);
            sources.addAll(lovenseConnect.open(configuration));
            hid.open().ifPresent(sources::add);
            if (ble.anyDevices()) {
                sources.add(0, ble.open());
            }
        } catch (RuntimeException | BleOptions.UnusableAdapterException | InterruptedException e) {
            sources.forEach(DeviceSource::close);
            throw e;
        }
        return sources.size() == 1 ? sources.get(0) : new io.github.buttplugjava.core.device.CombinedDeviceSource(sources);
    }

    /**
     * Whether the device configuration (a user configuration) names serial ports or Lovense apps;
     * false when it cannot be read.
     */
    private boolean configurationNamesToys() {
        try {
            DeviceConfiguration configuration = ble.configuration();
            return !configuration.serialPorts().isEmpty() || !configuration.lovenseConnectHosts().isEmpty();
        } catch (IllegalArgumentException e) {
            return false; // reported with its reason when the toys are opened
        }
    }

    private String describeLocalToys() {
        java.util.List<String> kinds = new java.util.ArrayList<>();
        if (ble.anyDevices()) {
            kinds.add(ble.describe());
        }
        if (!serial.serial.isEmpty() || configurationNamesToys()) {
            kinds.add(serial.describe(ble.configuration()));
        }
        if (lovenseDongle.given()) {
            kinds.add(lovenseDongle.describe());
        }
        if (lovenseConnect.given() || configurationNamesToys()) {
            kinds.add(lovenseConnect.describe(ble.configuration()));
        }
        if (hid.hid) {
            kinds.add(hid.describe());
        }
        return kinds.isEmpty() ? ble.describe() : String.join(" and ", kinds);
    }

    private static DeviceSource intiface(URI url) throws IOException, InterruptedException {
        ButtplugClient client = ButtplugClient.builder("buttplug-java share agent").build();
        client.addListener(new io.github.buttplugjava.core.client.ButtplugClientListener() {
            @Override
            public void disconnected(Throwable cause) {
                System.err.println(now() + " the Buttplug server at " + url + " went away: its toys are no longer shared.");
            }
        });
        try {
            client.connect(WebSocketConnector.to(url)).get(15, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("cannot connect to the Buttplug server at " + url + ": " + Failures.oneLine(e));
        }
        return new ClientDeviceSource(client);
    }

    /** What the agent says about the link, as console lines with the local time. */
    private static final class Listener implements RemoteClient.Listener {
        private final CompletableFuture<Console> console;
        private final LinkGatedSource toys;
        private final CompletableFuture<Integer> finished;

        Listener(CompletableFuture<Console> console, LinkGatedSource toys, CompletableFuture<Integer> finished) {
            this.console = console;
            this.toys = toys;
            this.finished = finished;
        }

        private void say(String line) {
            console.thenAccept(c -> c.print(now() + " " + line));
        }

        @Override
        public void linked(String room) {
            toys.open();
            say("Linked to the hub" + (room.isEmpty() ? "" : " (room '" + room + "')") + ": your toys are shared.");
        }

        @Override
        public void unlinked(Throwable cause, Duration retryIn) {
            say("Not linked to the hub" + (cause == null ? "" : " (" + Failures.oneLine(cause) + ")")
                    + "; every toy is stopped. Trying again in " + ExpiryText.duration(retryIn) + ".");
        }

        @Override
        public void denied(String reason) {
            System.err.println("buttplug share: the hub refused this agent: " + reason);
            System.err.println("check --hub (the share URL the hub printed) and --token");
            finished.complete(OptionErrors.STATUS);
        }
    }
}
