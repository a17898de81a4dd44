package io.github.buttplugjava.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.client.ButtplugClientListener;
import io.github.buttplugjava.btle.sim.SimulatedAdapter;
import io.github.buttplugjava.btle.sim.SimulatedBle;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ServeCommandTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** Parses {@code args} into a serve command without running it. */
    private static ServeCommand parse(String... args) {
        CommandLine cli = Cli.commandLine();
        CommandLine.ParseResult result = cli.parseArgs(args);
        return (ServeCommand) result.subcommand().commandSpec().userObject();
    }

    @Test
    void helpListsEverySimulatedToyAndTheOptions() {
        StringWriter out = new StringWriter();
        CommandLine cli = Cli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        assertThat(cli.execute("serve", "--help")).as("exit status; output %s", out).isZero();
        assertThat(out.toString()).contains("--port", "--host", "--simulate", "--max-ping-ms", "--name",
                "--handshake-timeout-ms", "--ble", "--adapter", "--bus", "bluez", "tinyb", "DBUS_SYSTEM_BUS_ADDRESS")
                .doesNotContain("--simulate-ble");
        assertThat(SimulatedBle.names()).hasSizeGreaterThanOrEqualTo(10);
        for (String toy : SimulatedBle.names()) {
            assertThat(out.toString()).contains(toy);
        }
    }

    @Test
    void parsesTheIntifaceLikeOptions() {
        ServeCommand serve = parse("serve", "--port", "12399", "--simulate", "lovense,wevibe", "--max-ping-ms", "500",
                "--name", "Test Server");
        assertThat(serve.port).isEqualTo(12399);
        assertThat(serve.ble.toys()).containsExactly("lovense", "wevibe");
        assertThat(serve.ble.backend).isEqualTo(BleOptions.Backend.SIM);
        assertThat(serve.maxPingMs).isEqualTo(500);
        assertThat(serve.name).isEqualTo("Test Server");
        assertThat(serve.host).isEqualTo("127.0.0.1");
    }

    @Test
    void servesSimulatedBleToysThroughTheProtocolHandlers() throws Exception {
        try (ServedClient served = ServedClient.start(parse("serve", "--port", "0", "--simulate", "lovense"),
                "ble test client")) {
            ButtplugClientDevice toy = served.nextDevice("the BLE-simulated Lovense was found", Duration.ofSeconds(20));
            assertThat(toy.name()).containsIgnoringCase("lovense");
            toy.vibrate(0.5).get(10, TimeUnit.SECONDS);
            toy.stop().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void anUnknownToyIsAClearErrorWithExitStatus2() {
        CliRun run = CliRun.of("serve", "--port", "0", "--simulate", "teapot");
        assertThat(run.status()).as(run.printed()).isEqualTo(2);
        assertThat(run.printed()).contains("unknown simulated toy 'teapot'");
    }

    @Test
    void aMissingBusIsAOneLineErrorWithExitStatus1() {
        CliRun run = CliRun.of("serve", "--port", "0", "--ble", "bluez",
                "--bus", "unix:path=/nonexistent/buttplug-test-bus");
        String printed = run.printed().strip();
        assertThat(run.status()).as(printed).isEqualTo(1);
        assertThat(printed).startsWith("buttplug serve: bluez").contains("/nonexistent/buttplug-test-bus")
                .doesNotContain("\tat ", "Exception in thread");
        assertThat(printed.lines()).as(printed).hasSize(1);
    }

    @Test
    void optionsThatDoNotFitTogetherAreClearErrors() {
        for (String[] args : new String[][] {
                {"serve", "--port", "0", "--ble", "bluez", "--simulate", "lovense"},
                {"serve", "--port", "0", "--ble", "tinyb", "--bus", "unix:path=/x"},
                {"serve", "--port", "0", "--adapter", "hci0"}}) {
            StringWriter err = new StringWriter();
            CommandLine cli = Cli.commandLine();
            cli.setErr(new PrintWriter(err));
            assertThat(cli.execute(args)).as(String.join(" ", args)).isEqualTo(2);
        }
        assertThatThrownBy(() -> parse("serve", "--ble", "bluez", "--simulate", "lovense").start())
                .hasMessageContaining("--simulate needs --ble sim");
        assertThatThrownBy(() -> parse("serve", "--ble", "tinyb", "--bus", "unix:path=/x").start())
                .hasMessageContaining("$DBUS_SYSTEM_BUS_ADDRESS");
    }

    @Test
    void servesSimulatedToysToAClientAndStopsThemOnShutdown() throws Exception {
        ServeCommand.Running running = parse("serve", "--port", "0", "--simulate", "lovense,wevibe",
                "--name", "cli test").start();
        BlockingQueue<String> lovenseWrites = new LinkedBlockingQueue<>();
        SimulatedAdapter toys = BleOptions.simulated(running.toys);
        String lovenseAddress = toys.advertisements().get(0).address();
        toys.addWriteListener(w -> {
            if (w.address().equals(lovenseAddress)) {
                lovenseWrites.add(w.text());
            }
        });
        int port = running.server.port();
        BlockingQueue<ButtplugClientDevice> added = new LinkedBlockingQueue<>();
        ButtplugClient client = ButtplugClient.builder("cli test client").build();
        client.addListener(new ButtplugClientListener() {
            @Override
            public void deviceAdded(ButtplugClientDevice device) {
                added.add(device);
            }
        });
        try {
            client.connect(WebSocketConnector.to(running.server.uri())).get(10, TimeUnit.SECONDS);
            assertThat(client.serverInfo()).hasValueSatisfying(i -> assertThat(i.serverName()).isEqualTo("cli test"));
            client.startScanning().get(10, TimeUnit.SECONDS);
            ButtplugClientDevice first = added.poll(20, TimeUnit.SECONDS);
            ButtplugClientDevice second = added.poll(20, TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            assertThat(second).isNotNull();
            assertThat(List.of(first.name(), second.name())).containsExactlyInAnyOrder("Lovense Hush", "WeVibe 4 Plus");
            ButtplugClientDevice lovense = first.name().contains("Lovense") ? first : second;
            lovense.vibrate(0.5).get(10, TimeUnit.SECONDS);
            awaitWrite(lovenseWrites, "Vibrate:10;");
        } finally {
            running.stop();
        }
        awaitWrite(lovenseWrites, "Vibrate:0;");
        assertThat(toys.whenConnected(lovenseAddress).getNow(null).isConnected()).as("disconnected after the stop").isFalse();
        try (ServerSocket rebound = new ServerSocket()) {
            rebound.bind(new InetSocketAddress("127.0.0.1", port));
        }
        client.disconnect();
    }

    /** Waits (bounded) for the toy to receive {@code expected}, skipping other writes. */
    private static void awaitWrite(BlockingQueue<String> writes, String expected) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String w = writes.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (w == null) {
                break;
            }
            if (w.equals(expected)) {
                return;
            }
            seen.add(w);
        }
        throw new AssertionError("the toy never received " + expected + "; it received " + seen);
    }
}
