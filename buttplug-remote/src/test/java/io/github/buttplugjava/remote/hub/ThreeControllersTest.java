package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.RecordedCommand;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.OutputGrant;
import io.github.buttplugjava.remote.testing.HubFixture;
import io.github.buttplugjava.testsupport.CrashableWebSocketConnector;
import io.github.buttplugjava.testsupport.interop.NodeInterop;
import io.github.buttplugjava.testsupport.interop.NpmClient;
import io.github.buttplugjava.testsupport.interop.NpmClientProcess;
import io.github.buttplugjava.testsupport.interop.NpmClientRun;
import io.github.buttplugjava.testsupport.time.VirtualTime;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Three controllers in one room, one test per policy, with the real hub over WebSockets: our
 * client, a controller that crashes (its socket dropped without a close) and, under exclusive and
 * turns, an unmodified npm {@code buttplug} 5.0.2 controller. Each controller that leaves or
 * crashes stops exactly the outputs whose current value it set.
 */
class ThreeControllersTest {

    private static final DeviceGrant HALF = DeviceGrant.none()
            .withOutput(OutputType.VIBRATE, OutputGrant.upTo(0.5))
            .withOutput(OutputType.ROTATE, OutputGrant.upTo(0.5));
    private static final String EDGE = "Alice - Lovense Edge";
    private static final String HUSH = "Alice - Lovense Hush";
    private static final String CYCLONE = "Alice - Vorze A10 Cyclone SA";
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration RUN_LIMIT = Duration.ofSeconds(30);

    private HubFixture f;

    @AfterEach
    void stop() throws Exception {
        if (f != null) {
            f.close();
        }
    }

    private HubFixture.Controller connect(RoomController controller) throws Exception {
        return f.controller(WebSocketConnector.to(f.hub.controlUri(controller)));
    }

    private static List<String> described(SimulatedDevice toy) {
        return toy.commands().stream().map(r -> r.kind() == RecordedCommand.Kind.STOP ? "stop"
                : r.featureIndex() + "=" + r.output().value()).toList();
    }

    private static void awaitDisconnected(RoomController c) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (c.isConnected()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("controller " + c.name() + " is still connected");
            }
            LockSupport.parkNanos(5_000_000); // bounded poll-until loop
        }
    }

    private static void awaitCommands(SimulatedDevice toy, List<String> expected) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!described(toy).equals(expected)) {
            if (System.nanoTime() - deadline > 0) {
                assertThat(described(toy)).as(toy.name()).isEqualTo(expected);
            }
            LockSupport.parkNanos(5_000_000); // bounded poll-until loop
        }
    }

    @Test
    void sharedLatestWinsAndEachLeaverOrCrasherStopsExactlyWhatItStillSet() throws Exception {
        f = new HubFixture();
        SimulatedDevices alice = HubFixture.sims("edge", "lovense");
        f.agent("Alice", alice, HALF);
        f.awaitRoomDevices(2);
        SimulatedDevice edge = alice.devices().stream().filter(d -> d.name().equals("Lovense Edge")).findFirst().orElseThrow();
        SimulatedDevice hush = alice.devices().stream().filter(d -> d.name().equals("Lovense Hush")).findFirst().orElseThrow();
        RoomController bob = f.room.addController("bob", ControllerCeiling.NONE);
        RoomController carol = f.room.addController("carol", ControllerCeiling.NONE);
        RoomController first = f.room.controllers().get(0);
        HubFixture.Controller firstClient = f.controller();
        HubFixture.Controller bobClient = connect(bob);
        CrashableWebSocketConnector carolLink = new CrashableWebSocketConnector(f.hub.controlUri(carol));
        HubFixture.Controller carolClient = f.controller(carolLink);

        firstClient.device(EDGE).output(0, OutputCommand.of(OutputType.VIBRATE, 4)).get(2, TimeUnit.SECONDS);
        bobClient.device(EDGE).output(1, OutputCommand.of(OutputType.VIBRATE, 7)).get(2, TimeUnit.SECONDS);
        carolClient.device(HUSH).output(0, OutputCommand.of(OutputType.VIBRATE, 5)).get(2, TimeUnit.SECONDS);
        carolClient.device(EDGE).output(0, OutputCommand.of(OutputType.VIBRATE, 2)).get(2, TimeUnit.SECONDS);
        awaitCommands(edge, List.of("0=4", "1=7", "0=2"));

        // the first controller leaves: carol has set since what it set, so nothing stops
        firstClient.client.disconnect().get(2, TimeUnit.SECONDS);
        awaitDisconnected(first);
        // carol crashes: her motor on the edge and the hush (all she set there: a whole stop) stop
        carolLink.crash();
        awaitCommands(edge, List.of("0=4", "1=7", "0=2", "0=0"));
        awaitCommands(hush, List.of("0=5", "stop"));
        assertThat(edge.outputValue(1, OutputType.VIBRATE)).isEqualTo(7);
        // bob leaves: he set every output still driven, so the edge gets a whole stop
        bobClient.client.disconnect().get(2, TimeUnit.SECONDS);
        awaitCommands(edge, List.of("0=4", "1=7", "0=2", "0=0", "stop"));
        assertThat(described(hush)).containsExactly("0=5", "stop");
    }

    @Test
    void exclusiveWithAnNpmControllerEachHoldsItsToyAndOnlyTheCrashedOnesToyStops() throws Exception {
        NodeInterop node = NodeInterop.locate();
        f = new HubFixture(RemoteServer.builder().controllerMaxPingTime(Duration.ZERO));
        f.room.arbitration(ArbitrationPolicy.exclusive(Duration.ofSeconds(10)));
        SimulatedDevices alice = HubFixture.sims("lovense", "rotator");
        f.agent("Alice", alice, HALF);
        f.awaitRoomDevices(2);
        SimulatedDevice hush = alice.devices().stream().filter(d -> d.name().equals("Lovense Hush")).findFirst().orElseThrow();
        SimulatedDevice cyclone = alice.devices().stream().filter(d -> d.name().equals("Vorze A10 Cyclone SA")).findFirst().orElseThrow();
        // the npm controller may only vibrate, so of the two toys it drives the hush alone
        RoomController npm = f.room.addController("npm", ControllerCeiling.NONE.withOutputs(EnumSet.of(OutputType.VIBRATE)));
        RoomController carol = f.room.addController("carol", ControllerCeiling.NONE);
        HubFixture.Controller firstClient;
        try (NpmClientProcess npmRun = node.start(NpmClient.V4, f.hub.controlUri(npm), "basic", RUN_LIMIT,
                "--devices=2", "--level=1", "--hold-ms=20000")) {
            npmRun.awaitStep("vibrate", WAIT);
            hush.awaitOutput(0, o -> o.value() == 10, WAIT);
            firstClient = f.controller();
            HubFixture.Controller carolClient = connect(carol);
            carolClient.device(CYCLONE).output(0, OutputCommand.of(OutputType.ROTATE, 6)).get(2, TimeUnit.SECONDS);
            cyclone.awaitOutput(0, o -> o.value() == 6, WAIT);
            assertThatThrownBy(() -> firstClient.device(HUSH).vibrate(0.3).get(2, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(ButtplugDeviceException.class)
                    .hasMessageContaining("held by controller \"npm\"");
            assertThatThrownBy(() -> firstClient.device(CYCLONE).output(0, OutputCommand.of(OutputType.ROTATE, 2))
                    .get(2, TimeUnit.SECONDS)).hasMessageContaining("held by controller \"carol\"");
        } // the npm process is killed while it holds the hush
        hush.awaitStop(WAIT);
        assertThat(hush.outputValue(0, OutputType.VIBRATE)).isZero();
        assertThat(described(cyclone)).containsExactly("0=6");
        assertThat(hush.outputs(0)).extracting(OutputCommand::value).allMatch(v -> v <= 10);
        // the hush is free at once (its holder left), the cyclone still carol's
        awaitDisconnected(npm);
        firstClient.device(HUSH).vibrate(0.3).get(2, TimeUnit.SECONDS);
        hush.awaitOutput(0, o -> o.value() == 3, WAIT);
        assertThatThrownBy(() -> firstClient.device(CYCLONE).output(0, OutputCommand.of(OutputType.ROTATE, 2))
                .get(2, TimeUnit.SECONDS)).hasMessageContaining("held by controller \"carol\"");
    }

    @Test
    void turnsWithAnNpmControllerStopAtEachHandoverWithNobodySendingAndALeaverGivesItsTurnUp() throws Exception {
        NodeInterop node = NodeInterop.locate();
        VirtualTime time = new VirtualTime();
        f = new HubFixture(RemoteServer.builder().scheduling(time.scheduling()).controllerMaxPingTime(Duration.ZERO));
        // 1 s turns on the hub's virtual clock (shorter than the 3 s the hub waits for an agent's pong)
        f.room.arbitration(ArbitrationPolicy.turns(Duration.ofSeconds(1)));
        SimulatedDevices alice = HubFixture.sims("lovense", "edge");
        f.agent("Alice", alice, HALF);
        f.awaitRoomDevices(2);
        SimulatedDevice hush = alice.devices().stream().filter(d -> d.name().equals("Lovense Hush")).findFirst().orElseThrow();
        SimulatedDevice edge = alice.devices().stream().filter(d -> d.name().equals("Lovense Edge")).findFirst().orElseThrow();
        RoomController npm = f.room.addController("npm", ControllerCeiling.NONE);
        RoomController carol = f.room.addController("carol", ControllerCeiling.NONE);
        CrashableWebSocketConnector carolLink = new CrashableWebSocketConnector(f.hub.controlUri(carol));
        HubFixture.Controller firstClient;
        HubFixture.Controller carolClient;

        // arrivals: npm (its turn), then the first controller, then carol
        try (NpmClientProcess npmRun = node.start(NpmClient.V4, f.hub.controlUri(npm), "basic", RUN_LIMIT,
                "--devices=2", "--level=1", "--hold-ms=20000")) {
            hush.awaitOutput(0, o -> o.value() == 10, WAIT);
            edge.awaitOutput(1, o -> o.value() == 10, WAIT);
            firstClient = f.controller();
            carolClient = f.controller(carolLink);
            assertThatThrownBy(() -> firstClient.device(HUSH).vibrate(0.3).get(2, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(ButtplugDeviceException.class)
                    .hasMessageContaining("turn of controller \"npm\" for 1.0 s more; yours comes in 1.0 s");
            assertThatThrownBy(() -> carolClient.device(HUSH).vibrate(0.3).get(2, TimeUnit.SECONDS))
                    .hasMessageContaining("turn of controller \"npm\" for 1.0 s more; yours comes in 2.0 s");

            // npm's turn ends while it holds and sends nothing: its toys stop, then the first drives
            hush.clearRecording();
            edge.clearRecording();
            time.advance(Duration.ofSeconds(1));
            hush.awaitStop(WAIT);
            edge.awaitStop(WAIT);
            firstClient.device(EDGE).vibrate(0.3).get(2, TimeUnit.SECONDS);
            edge.awaitOutput(0, o -> o.value() == 3, WAIT);
        } // npm crashes (killed) while waiting for its next turn: nothing of the first's stops
        awaitDisconnected(npm);
        assertThat(edge.outputValue(0, OutputType.VIBRATE)).isEqualTo(3);
        assertThat(described(hush)).containsExactly("stop");

        // the first's turn ends: its edge stops; carol's turn (npm gave its place up)
        edge.clearRecording();
        time.advance(Duration.ofSeconds(1));
        edge.awaitStop(WAIT);
        carolClient.device(HUSH).vibrate(0.5).get(2, TimeUnit.SECONDS);
        hush.awaitOutput(0, o -> o.value() == 5, WAIT);
        assertThatThrownBy(() -> firstClient.device(EDGE).vibrate(0.1).get(2, TimeUnit.SECONDS))
                .hasMessageContaining("turn of controller \"carol\" for 1.0 s more; yours comes in 1.0 s");

        // carol crashes mid-turn: her hush stops and the first drives at once, no time passing
        hush.clearRecording();
        carolLink.crash();
        hush.awaitStop(WAIT);
        awaitDisconnected(carol);
        firstClient.device(EDGE).vibrate(0.2).get(2, TimeUnit.SECONDS);
        edge.awaitOutput(0, o -> o.value() == 2, WAIT);
    }
}
