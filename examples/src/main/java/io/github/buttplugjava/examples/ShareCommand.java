package io.github.buttplugjava.examples;

import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ClientDeviceSource;
import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.DeviceSource;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.GrantFilter;
import io.github.buttplugjava.remote.agent.LegacyHubClient;
import io.github.buttplugjava.remote.agent.RemoteClient;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code buttplug share}: shares local toys (Bluetooth through BlueZ or TinyB, simulated ones driven
 * through their real protocol handlers, or those of a Buttplug server such as Intiface) with a hub,
 * under a grant; with {@code --legacy-hub}, into a buttplug-js 0.13 hub as a 0.13 forwarder would
 * (the grant is still enforced here). Typed commands change sharing while it runs.
 */
@Command(name = "share", mixinStandardHelpOptions = true,
        description = {"Share toys with a remote controller through a hub.",
                "While running, type: list, pause, resume, revoke, share, stop, quit."})
public final class ShareCommand implements Callable<Integer> {

    /** Environment variable that may hold the share token instead of --token. */
    static final String TOKEN_ENV = "BUTTPLUG_SHARE_TOKEN";

    /** Environment variable that may hold a 0.13 hub's password instead of --password. */
    static final String LEGACY_PASSWORD_ENV = "BUTTPLUG_LEGACY_PASSWORD";

    @Option(names = "--hub", description = "The hub's share URL, e.g. ws://127.0.0.1:8080/share.")
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

    @Option(names = "--server", paramLabel = "URL",
            description = "Share the toys of this Buttplug server (Intiface Central, or 'buttplug serve'), e.g. ws://127.0.0.1:12345.")
    URI server;

    @Option(names = "--max-ping-ms", defaultValue = "1500",
            description = "If the hub is silent this long, stop every toy (default: ${DEFAULT-VALUE}; with --legacy-hub: no frame and no WebSocket pong).")
    long maxPingMs;

    @Mixin
    GrantOptions grantOptions = new GrantOptions();

    @Mixin
    MessageLimitOptions messageLimits = new MessageLimitOptions();

    @Override
    public Integer call() throws Exception {
        if ((hub == null) == (legacyHub == null)) {
            System.err.println("share: give the hub with either --hub URL or --legacy-hub URL");
            return 2;
        }
        String secret = token != null ? token : System.getenv(TOKEN_ENV);
        if (secret == null && hub != null) {
            System.err.println("share: give the room's share token with --token or $" + TOKEN_ENV);
            return 2;
        }
        if ((server == null) != ble.anyDevices()) {
            System.err.println("share: give either toys (--simulate TOY,... or --ble bluez|tinyb) or --server URL");
            return 2;
        }
        DeviceGrant grant;
        DeviceSource local;
        try {
            grant = grantOptions.toGrant(Instant.now());
            local = server != null ? intiface(server) : bluetooth(ble);
        } catch (IllegalArgumentException e) {
            System.err.println("share: " + e.getMessage());
            return 2;
        } catch (BleOptions.UnusableAdapterException e) {
            System.err.println("share: " + e.getMessage());
            return 1;
        }
        RemoteClient.Listener narrator = new RemoteClient.Listener() {
            @Override
            public void linked(String room) {
                System.out.println("Linked to the hub" + (room.isEmpty() ? "" : " (room '" + room + "')")
                        + ": your toys are shared.");
            }

            @Override
            public void unlinked(Throwable cause, Duration retryIn) {
                System.out.println("Not linked to the hub" + (cause == null ? "" : " (" + cause.getMessage() + ")")
                        + "; every toy is stopped. Trying again in " + retryIn.toMillis() + " ms.");
            }

            @Override
            public void denied(String reason) {
                System.out.println("The hub refused to link: " + reason);
            }
        };
        Agent agent;
        try {
            agent = legacyHub != null ? legacy(local, narrator) : Agent.of(RemoteClient.builder(hub, secret, alias, local)
                    .maxPingTime(Duration.ofMillis(maxPingMs)).messageLimits(messageLimits.limits())
                    .listener(narrator).build());
        } catch (IllegalArgumentException e) {
            System.err.println("share: " + e.getMessage());
            return 2;
        }
        GrantFilter grants = agent.grants();
        grants.shareAll(grant).get(5, TimeUnit.SECONDS);
        System.out.println("Sharing as '" + alias + "'" + (legacyHub != null ? " into a buttplug-js 0.13 hub" : "") + ": "
                + GrantOptions.describe(grant));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            agent.close();
            stopped.countDown();
        }, "buttplug-share-shutdown"));
        java.util.concurrent.CompletableFuture<Void> linked = agent.start();
        linked.whenComplete((v, e) -> {
            if (e != null) {
                stopped.countDown();
            }
        });
        Thread input = new Thread(() -> readCommands(grants, grant, stopped), "buttplug-share-input");
        input.setDaemon(true);
        input.start();
        stopped.await();
        agent.close();
        return linked.isCompletedExceptionally() ? 1 : 0;
    }

    /** The share agent of either kind: what this command needs of it. */
    private record Agent(GrantFilter grants, java.util.function.Supplier<java.util.concurrent.CompletableFuture<Void>> starter,
                         Runnable closer) {
        static Agent of(RemoteClient c) {
            return new Agent(c.grants(), c::start, c::close);
        }

        static Agent of(LegacyHubClient c) {
            return new Agent(c.grants(), c::start, c::close);
        }

        java.util.concurrent.CompletableFuture<Void> start() {
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

    /** The toys of the --ble backend (the agent scans for them when it starts). */
    private static DeviceSource bluetooth(BleOptions ble) throws BleOptions.UnusableAdapterException, InterruptedException {
        DeviceSource source = ble.open();
        System.out.println("Sharing toys from " + ble.describe() + ".");
        return source;
    }

    private static DeviceSource intiface(URI url) throws Exception {
        ButtplugClient client = ButtplugClient.builder("buttplug-java share agent").build();
        client.addListener(new io.github.buttplugjava.core.client.ButtplugClientListener() {
            @Override
            public void disconnected(Throwable cause) {
                System.out.println("The Buttplug server at " + url + " went away: its toys are no longer shared.");
            }
        });
        client.connect(WebSocketConnector.to(url)).get(15, TimeUnit.SECONDS);
        System.out.println("Connected to the Buttplug server at " + url + " (" + client.devices().size() + " device(s) so far).");
        return new ClientDeviceSource(client);
    }

    private static void readCommands(GrantFilter grants, DeviceGrant grant, CountDownLatch stopped) {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = in.readLine()) != null) {
                String cmd = line.trim().toLowerCase(java.util.Locale.ROOT);
                switch (cmd) {
                    case "list" -> {
                        for (Map.Entry<String, Device> e : grants.localDevices().entrySet()) {
                            boolean shared = grants.sharedIdentifiers().contains(e.getKey());
                            System.out.println("  " + e.getValue().name() + ": " + (shared ? "shared" : "not shared"));
                        }
                    }
                    case "pause" -> forEach(grants, id -> grants.pause(id, true), "paused: toys stopped and hidden");
                    case "resume" -> forEach(grants, id -> grants.pause(id, false), "resumed");
                    case "revoke" -> done(grants.revokeAll(), "revoked: toys stopped and unshared");
                    case "share" -> {
                        grants.localDevices().keySet().forEach(id -> grants.share(id, grant));
                        System.out.println("shared again: " + GrantOptions.describe(grant));
                    }
                    case "stop" -> done(grants.stopAll(), "every toy stopped");
                    case "quit", "exit" -> {
                        stopped.countDown();
                        return;
                    }
                    case "" -> { }
                    default -> System.out.println("commands: list, pause, resume, revoke, share, stop, quit");
                }
            }
        } catch (java.io.IOException e) {
            System.err.println("share: cannot read commands: " + e.getMessage());
        }
    }

    private static void forEach(GrantFilter grants, java.util.function.Function<String, java.util.concurrent.CompletableFuture<Void>> action,
                                String what) {
        List<java.util.concurrent.CompletableFuture<Void>> all = new ArrayList<>();
        grants.localDevices().keySet().forEach(id -> all.add(action.apply(id)));
        done(java.util.concurrent.CompletableFuture.allOf(all.toArray(java.util.concurrent.CompletableFuture[]::new)), what);
    }

    private static void done(java.util.concurrent.CompletableFuture<Void> f, String what) {
        try {
            f.get(5, TimeUnit.SECONDS);
            System.out.println(what);
        } catch (Exception e) {
            System.out.println("failed: " + e.getMessage());
        }
    }
}
