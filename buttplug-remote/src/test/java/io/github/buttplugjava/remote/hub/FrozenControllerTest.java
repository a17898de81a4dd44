package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.OutputGrant;
import io.github.buttplugjava.remote.testing.HubFixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.RecordedCommand;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.testsupport.RawWebSocket;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A controller that freezes with its socket open (no close, no FIN, no pongs) on a hub that asks
 * for no Buttplug pings, as for the npm clients: the WebSocket keepalive catches it and its toys stop.
 */
class FrozenControllerTest {

    private static final String ALICE_TOY = "Alice - Lovense Hush";
    private static final DeviceGrant HALF = DeviceGrant.none().withOutput(OutputType.VIBRATE, OutputGrant.upTo(0.5));
    private static final Duration STOP_LATENCY = Duration.ofSeconds(1);

    private HubFixture f;

    @AfterEach
    void stop() throws Exception {
        if (f != null) {
            f.close();
        }
    }

    @Test
    void aFrozenControllerIsCaughtByKeepaliveAndItsToyStopsWhileTheDeviceStaysShared() throws Exception {
        Duration interval = Duration.ofMillis(200);
        Duration timeout = Duration.ofMillis(600);
        f = new HubFixture(RemoteServer.builder().controllerMaxPingTime(Duration.ZERO).keepAlive(interval, timeout));
        freezeWhileDrivingAndExpectTheStopWithin(interval.plus(timeout).plus(STOP_LATENCY));
    }

    @Test
    void theHubKeepsControllersAliveByDefault() throws Exception {
        f = new HubFixture(RemoteServer.builder().controllerMaxPingTime(Duration.ZERO));
        {
            assertThat(RemoteServer.DEFAULT_KEEP_ALIVE.interval()).isEqualTo(Duration.ofSeconds(1));
            assertThat(RemoteServer.DEFAULT_KEEP_ALIVE.timeout()).isEqualTo(Duration.ofSeconds(3));
        }
        freezeWhileDrivingAndExpectTheStopWithin(RemoteServer.DEFAULT_KEEP_ALIVE.interval()
                .plus(RemoteServer.DEFAULT_KEEP_ALIVE.timeout()).plus(STOP_LATENCY));
    }

    private void freezeWhileDrivingAndExpectTheStopWithin(Duration bound) throws Exception {
        SimulatedDevices alice = HubFixture.sims("lovense");
        f.agent("Alice", alice, HALF);
        SimulatedDevice toy = alice.devices().get(0);
        try (RawWebSocket frozen = RawWebSocket.open(f.hub.port(), RemoteServer.CONTROL_PREFIX + HubFixture.CONTROL)) {
            frozen.sendText("[{\"RequestServerInfo\":{\"Id\":1,\"ClientName\":\"frozen app\","
                    + "\"ProtocolVersionMajor\":4,\"ProtocolVersionMinor\":0}}]");
            assertThat(nextText(frozen)).contains("ServerInfo").contains("\"MaxPingTime\":0");
            frozen.sendText("[{\"OutputCmd\":{\"Id\":2,\"DeviceIndex\":0,\"FeatureIndex\":0,"
                    + "\"Command\":{\"Vibrate\":{\"Value\":10}}}}]");
            RecordedCommand on = toy.await(r -> r.kind() == RecordedCommand.Kind.OUTPUT && r.output().value() == 10,
                    Duration.ofSeconds(2));

            // from here the app is frozen: it neither sends, nor answers pings, nor closes
            RecordedCommand stop = toy.await(r -> r.kind() == RecordedCommand.Kind.STOP
                    || (r.kind() == RecordedCommand.Kind.OUTPUT && r.output().value() == 0), bound.plusSeconds(2));
            assertThat(Duration.between(on.at(), stop.at())).isLessThan(bound);
            assertThat(toy.outputValue(0, OutputType.VIBRATE)).isZero();

            // the frozen app's socket was closed as dead, and the toy is still there for the next controller
            assertThat(frozen.readUntilClose().closeCode()).isEqualTo(1001);
            assertThat(f.controller().device(ALICE_TOY)).isNotNull();
        }
    }

    /** The next text frame, passing over (never answering) the hub's pings. */
    private static String nextText(RawWebSocket socket) throws IOException {
        for (int i = 0; i < 100; i++) {
            RawWebSocket.Frame frame = socket.read();
            if (frame.opcode() == RawWebSocket.TEXT) {
                return frame.text();
            }
        }
        throw new AssertionError("no text frame among 100 frames");
    }
}
