package io.github.buttplugjava.transport.ws.server;

import io.github.buttplugjava.testsupport.RawWebSocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.client.ButtplugClientListener;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.RecordedCommand;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Our client against our server over a real loopback WebSocket, with a simulated toy behind it. */
class ButtplugWebSocketServerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private SimServerRig rig;
    private ButtplugClient client;
    private final BlockingQueue<ButtplugClientDevice> added = new LinkedBlockingQueue<>();
    private final CompletableFuture<Throwable> disconnected = new CompletableFuture<>();

    @BeforeEach
    void setUp() throws Exception {
        rig = new SimServerRig();
        client = ButtplugClient.builder("ws test").build();
        client.addListener(new ButtplugClientListener() {
            @Override
            public void deviceAdded(ButtplugClientDevice device) {
                added.add(device);
            }

            @Override
            public void disconnected(Throwable cause) {
                disconnected.complete(cause);
            }
        });
    }

    @AfterEach
    void tearDown() {
        client.disconnect();
        rig.close();
    }

    private ButtplugClientDevice connectAndFindTheToy() throws Exception {
        rig.awaitDeviceListed();
        client.connect(WebSocketConnector.to(rig.server.uri())).get(10, TimeUnit.SECONDS);
        ButtplugClientDevice device = added.poll(10, TimeUnit.SECONDS);
        assertThat(device).as("the simulated toy reached the client").isNotNull();
        return device;
    }

    @Test
    void aClientDrivesASimulatedToyOverTheSocket() throws Exception {
        ButtplugClientDevice device = connectAndFindTheToy();
        assertThat(client.serverInfo()).hasValueSatisfying(info -> assertThat(info.serverName()).isEqualTo("rig"));
        assertThat(device.hasOutput(OutputType.VIBRATE)).isTrue();

        device.vibrate(0.5).get(10, TimeUnit.SECONDS);
        rig.lovense().awaitOutput(0, c -> c.value() == 10, WAIT);
        assertThat(device.battery().get(10, TimeUnit.SECONDS)).isBetween(0, 100);
    }

    @Test
    void disconnectingTheClientStopsWhatItDrove() throws Exception {
        ButtplugClientDevice device = connectAndFindTheToy();
        device.vibrate(1.0).get(10, TimeUnit.SECONDS);
        rig.lovense().clearRecording();

        client.disconnect().get(10, TimeUnit.SECONDS);

        rig.lovense().await(c -> c.output() != null && c.output().value() == 0
                || c.kind() == RecordedCommand.Kind.STOP, WAIT);
    }

    @Test
    void aClientThatStopsPingingOverTheSocketGetsErrorPingAndItsToyStops() throws Exception {
        try (SimServerRig strict = new SimServerRig(Duration.ofMillis(300), WebSocketServer.DEFAULT_MAX_FRAME_SIZE);
             RawWebSocket raw = RawWebSocket.open(strict.server.port(), "/")) {
            strict.awaitDeviceListed();
            raw.sendText("[{\"RequestServerInfo\":{\"Id\":1,\"ClientName\":\"silent\","
                    + "\"ProtocolVersionMajor\":4,\"ProtocolVersionMinor\":0}}]");
            assertThat(raw.read().text()).contains("\"MaxPingTime\":300");
            raw.sendText("[{\"OutputCmd\":{\"Id\":2,\"DeviceIndex\":0,\"FeatureIndex\":0,"
                    + "\"Command\":{\"Vibrate\":{\"Value\":20}}}}]");
            assertThat(raw.read().text()).contains("\"Ok\"");
            strict.lovense().clearRecording();

            // no Ping from here on
            String error = raw.read().text();
            assertThat(error).contains("\"Error\"").contains("\"ErrorCode\":2").contains("\"Id\":0");
            strict.lovense().await(c -> c.kind() == RecordedCommand.Kind.STOP
                    || c.output() != null && c.output().value() == 0, WAIT);
        }
    }

    @Test
    void stoppingTheServerDisconnectsClientsStopsDevicesAndFreesThePort() throws Exception {
        ButtplugClientDevice device = connectAndFindTheToy();
        device.vibrate(0.5).get(10, TimeUnit.SECONDS);
        int port = rig.server.port();
        rig.lovense().clearRecording();

        rig.server.stop().get(15, TimeUnit.SECONDS);

        disconnected.get(10, TimeUnit.SECONDS);
        assertThat(client.isConnected()).isFalse();
        rig.lovense().await(c -> c.output() != null && c.output().value() == 0
                || c.kind() == RecordedCommand.Kind.STOP, WAIT);
        try (ServerSocket rebound = new ServerSocket()) {
            rebound.bind(new InetSocketAddress("127.0.0.1", port));
        }
    }
}
