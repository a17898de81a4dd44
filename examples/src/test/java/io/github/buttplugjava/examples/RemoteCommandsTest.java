package io.github.buttplugjava.examples;

import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.RemoteClient;
import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.remote.hub.Room;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RemoteCommandsTest {

    private static final String SHARE = "share-token-for-tests-0123456789";
    private static final String CONTROL = "control-token-for-tests-0123456789";

    /** Runs one console line of 'control' against {@code client}; its output lines joined, or "error: ..." */
    private static String control(ButtplugClient client, String line) {
        io.github.buttplugjava.examples.console.CommandTable.Outcome outcome =
                new ControlConsole(client).table().run(java.util.List.of(line.split(" ")));
        if (outcome instanceof io.github.buttplugjava.examples.console.CommandTable.Outcome.Done done) {
            return String.join("\n", done.lines());
        }
        return "error: " + outcome;
    }

    private static <T> T parse(Class<T> type, String... args) {
        CommandLine.ParseResult result = Cli.commandLine().parseArgs(args);
        return type.cast(result.subcommand().commandSpec().userObject());
    }

    @Test
    void theDemoRunsEveryCheckAndExitsZero() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int status;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            status = Cli.commandLine().execute("demo");
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(status).as(out).isZero();
        assertThat(out).contains("Every check held", "Vibrate 10 of 20 (50 %)", "Vibrate 16 of 20 (80 %)",
                "never got two commands closer than 500 ms", "leave its device list").doesNotContain("\u2717");
    }

    @Test
    void shareOptionsBecomeAGrant() {
        ShareCommand share = parse(ShareCommand.class, "share", "--hub", "ws://127.0.0.1:8080/share", "--token", SHARE,
                "--alias", "Alice", "--simulate", "lovense", "--max", "vibrate=0.5", "--allow", "vibrate,rotate",
                "--min-interval", "100ms", "--expire", "30m", "--battery");
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        DeviceGrant g = share.grantOptions.toGrant(now);
        assertThat(g.outputs()).containsOnlyKeys(OutputType.VIBRATE, OutputType.ROTATE);
        assertThat(g.outputs().get(OutputType.VIBRATE).maxLevel()).isEqualTo(0.5);
        assertThat(g.outputs().get(OutputType.ROTATE).maxLevel()).isEqualTo(1.0);
        assertThat(g.outputs().get(OutputType.ROTATE).minInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(g.expiresAt()).isEqualTo(now.plus(Duration.ofMinutes(30)));
        assertThat(g.inputs()).containsExactly(InputType.BATTERY);
    }

    @Test
    void badGrantOptionsAreClearErrors() {
        ShareCommand share = parse(ShareCommand.class, "share", "--hub", "ws://h/share", "--token", SHARE,
                "--alias", "A", "--simulate", "lovense", "--max", "vibrate=2");
        assertThatThrownBy(() -> share.grantOptions.toGrant(Instant.now())).hasMessageContaining("--max vibrate=2.0: the level must be more than 0 and at most 1");
        ShareCommand other = parse(ShareCommand.class, "share", "--hub", "ws://h/share", "--token", SHARE,
                "--alias", "A", "--simulate", "lovense", "--allow", "tickle");
        assertThatThrownBy(() -> other.grantOptions.toGrant(Instant.now())).hasMessageContaining("unknown output 'tickle'");
        assertThatThrownBy(() -> HumanDuration.parse("soon")).hasMessageContaining("not a duration");
    }

    @Test
    void hubWithGivenTokensAndTheControllerCommands() throws Exception {
        HubCommand hubCommand = parse(HubCommand.class, "hub", "--port", "0", "--share-token", SHARE, "--control-token", CONTROL);
        try (RemoteServer hub = hubCommand.start()) {
            Room room = hub.room("default").orElseThrow();
            assertThat(hub.controlUri(room).toString()).endsWith("/control/" + CONTROL);
            SimulatedDevices toys = SimulatedDevices.builder().add("lovense").presentAtStart(true).build();
            ShareCommand share = parse(ShareCommand.class, "share", "--hub", hub.shareUri().toString(), "--token", SHARE,
                    "--alias", "Alice", "--simulate", "lovense", "--max", "vibrate=0.5", "--battery");
            try (RemoteClient agent = RemoteClient.builder(hub.shareUri(), SHARE, "Alice", toys).build()) {
                agent.grants().shareAll(share.grantOptions.toGrant(Instant.now())).get(2, TimeUnit.SECONDS);
                agent.start().get(5, TimeUnit.SECONDS);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (room.devices().devices().isEmpty() && System.nanoTime() < deadline) {
                    java.util.concurrent.locks.LockSupport.parkNanos(5_000_000); // bounded poll-until loop
                }
                ButtplugClient controller = ButtplugClient.builder("test").build();
                controller.connect(WebSocketConnector.to(hub.controlUri(room))).get(5, TimeUnit.SECONDS);
                try {
                    assertThat(control(controller, "list"))
                            .contains("0  Alice - Lovense Hush", "vibrate 0..10", "inputs: battery");
                    assertThat(control(controller, "vibrate 0 1")).isEqualTo("0 Alice - Lovense Hush: vibrate 100 %");
                    assertThat(toys.devices().get(0).awaitOutput(0, o -> true, Duration.ofSeconds(2)).value()).isEqualTo(10);
                    assertThat(control(controller, "battery 0")).matches("0 Alice - Lovense Hush: battery \\d+ %");
                    assertThat(control(controller, "stopall")).isEqualTo("every device stopped");
                    assertThat(toys.devices().get(0).outputValue(0, OutputType.VIBRATE)).isZero();
                } finally {
                    controller.disconnect();
                }
            }
        }
    }

    @Test
    void shareWithTheBleBackendsTakesTheSameOptionsAsServe() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int missingBus;
        int noToys;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            missingBus = Cli.commandLine().execute("share", "--hub", "ws://127.0.0.1:1/share", "--token", SHARE,
                    "--alias", "A", "--ble", "bluez", "--bus", "unix:path=/nonexistent/buttplug-share-bus");
            noToys = Cli.commandLine().execute("share", "--hub", "ws://127.0.0.1:1/share", "--token", SHARE, "--alias", "A");
        } finally {
            System.setErr(original);
        }
        String err = captured.toString(StandardCharsets.UTF_8);
        assertThat(missingBus).as(err).isEqualTo(1);
        assertThat(err).contains("share: bluez (first adapter): cannot connect to the D-Bus system bus at "
                + "unix:path=/nonexistent/buttplug-share-bus").doesNotContain("\tat ");
        assertThat(noToys).isEqualTo(2);
        assertThat(err).contains("give either toys (--simulate TOY,..., --ble bluez|tinyb, --serial PORT=PROTOCOL, "
                + "--lovense-dongle PORT, --lovense-connect [HOST:PORT] or --hid) or --server URL");
    }

    @Test
    void sharedSimulatedToysGoThroughTheRealProtocolHandlers() throws Exception {
        HubCommand hubCommand = parse(HubCommand.class, "hub", "--port", "0", "--share-token", SHARE, "--control-token", CONTROL);
        try (RemoteServer hub = hubCommand.start()) {
            Room room = hub.room("default").orElseThrow();
            ShareCommand share = parse(ShareCommand.class, "share", "--hub", hub.shareUri().toString(), "--token", SHARE,
                    "--alias", "Alice", "--simulate", "lovense", "--max", "vibrate=0.5");
            AdapterDeviceSource toys = share.ble.open();
            java.util.concurrent.BlockingQueue<String> writes = new java.util.concurrent.LinkedBlockingQueue<>();
            BleOptions.simulated(toys).addWriteListener(w -> writes.add(w.text()));
            try (RemoteClient agent = RemoteClient.builder(hub.shareUri(), SHARE, "Alice", toys).build()) {
                agent.grants().shareAll(share.grantOptions.toGrant(Instant.now())).get(2, TimeUnit.SECONDS);
                agent.start().get(5, TimeUnit.SECONDS);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (room.devices().devices().isEmpty() && System.nanoTime() < deadline) {
                    java.util.concurrent.locks.LockSupport.parkNanos(5_000_000); // bounded poll-until loop
                }
                ButtplugClient controller = ButtplugClient.builder("test").build();
                controller.connect(WebSocketConnector.to(hub.controlUri(room))).get(5, TimeUnit.SECONDS);
                try {
                    assertThat(control(controller, "list")).contains("0  Alice - Lovense Hush");
                    assertThat(control(controller, "vibrate 0 1")).isEqualTo("0 Alice - Lovense Hush: vibrate 100 %");
                    // granted 50 % of 0..20: the Lovense handler writes 10 steps
                    String write;
                    do {
                        write = writes.poll(5, TimeUnit.SECONDS);
                    } while (write != null && !write.startsWith("Vibrate:"));
                    assertThat(write).isEqualTo("Vibrate:10;");
                } finally {
                    controller.disconnect();
                }
            }
        }
    }
}
