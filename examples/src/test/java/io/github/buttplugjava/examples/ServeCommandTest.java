package io.github.buttplugjava.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.client.ButtplugClientListener;
import io.github.buttplugjava.core.sim.RecordedCommand;
import io.github.buttplugjava.core.sim.SimulatedToy;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
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
                "--handshake-timeout-ms");
        for (String toy : SimulatedToy.names()) {
            assertThat(out.toString()).contains(toy);
        }
        assertThat(out.toString()).contains("--simulate-ble", "satisfyer");
    }

    @Test
    void parsesTheIntifaceLikeOptions() {
        ServeCommand serve = parse("serve", "--port", "12399", "--simulate", "lovense,wevibe", "--max-ping-ms", "500",
                "--name", "Test Server");
        assertThat(serve.port).isEqualTo(12399);
        assertThat(serve.simulate).containsExactly("lovense", "wevibe");
        assertThat(serve.maxPingMs).isEqualTo(500);
        assertThat(serve.name).isEqualTo("Test Server");
        assertThat(serve.host).isEqualTo("127.0.0.1");
    }

    @Test
    void servesSimulatedBleToysThroughTheProtocolHandlers() throws Exception {
        ServeCommand.Running running = parse("serve", "--port", "0", "--simulate-ble", "lovense").start();
        BlockingQueue<ButtplugClientDevice> added = new LinkedBlockingQueue<>();
        ButtplugClient client = ButtplugClient.builder("ble test client").build();
        client.addListener(new ButtplugClientListener() {
            @Override
            public void deviceAdded(ButtplugClientDevice device) {
                added.add(device);
            }
        });
        try {
            client.connect(WebSocketConnector.to(running.server.uri())).get(10, TimeUnit.SECONDS);
            client.startScanning().get(10, TimeUnit.SECONDS);
            ButtplugClientDevice toy = added.poll(20, TimeUnit.SECONDS);
            assertThat(toy).as("the BLE-simulated Lovense was found").isNotNull();
            assertThat(toy.name()).containsIgnoringCase("lovense");
            toy.vibrate(0.5).get(10, TimeUnit.SECONDS);
            toy.stop().get(10, TimeUnit.SECONDS);
        } finally {
            client.disconnect();
            running.stop();
        }
    }

    @Test
    void anUnknownToyIsAClearErrorWithExitStatus2() {
        StringWriter err = new StringWriter();
        CommandLine cli = Cli.commandLine();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("serve", "--port", "0", "--simulate", "teapot")).isEqualTo(2);
    }

    @Test
    void servesSimulatedToysToAClientAndStopsThemOnShutdown() throws Exception {
        ServeCommand.Running running = parse("serve", "--port", "0", "--simulate", "lovense,wevibe",
                "--name", "cli test").start();
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
            ButtplugClientDevice first = added.poll(10, TimeUnit.SECONDS);
            ButtplugClientDevice second = added.poll(10, TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            assertThat(second).isNotNull();
            ButtplugClientDevice lovense = first.name().contains("Lovense") ? first : second;
            lovense.vibrate(0.5).get(10, TimeUnit.SECONDS);
            running.sim.device("lovense").awaitOutput(0, c -> c.value() == 10, WAIT);
            running.sim.device("lovense").clearRecording();
        } finally {
            running.stop();
        }
        running.sim.device("lovense").await(c -> c.kind() == RecordedCommand.Kind.STOP
                || c.output() != null && c.output().value() == 0, WAIT);
        try (ServerSocket rebound = new ServerSocket()) {
            rebound.bind(new InetSocketAddress("127.0.0.1", port));
        }
        client.disconnect();
    }
}
