package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.ButtplugHandshakeException;
import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.Range;
import io.github.buttplugjava.core.sim.RecordedCommand;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.OutputGrant;
import io.github.buttplugjava.remote.link.AccessToken;
import io.github.buttplugjava.remote.testing.HubFixture;
import io.github.buttplugjava.testsupport.RawWebSocket;
import io.github.buttplugjava.testsupport.time.VirtualTime;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Several controllers in one room, with the real hub over WebSockets. */
class MultiControllerTest {

    private static final DeviceGrant HALF = DeviceGrant.none().withOutput(OutputType.VIBRATE, OutputGrant.upTo(0.5));
    private static final String EDGE = "Alice - Lovense Edge";
    private static final Duration WAIT = Duration.ofSeconds(2);
    /** Each stop is to arrive within 1 s of the controller's end (the hub's bound); 2 s more for a slow CI. */
    private static final Duration STOP_BOUND = Duration.ofSeconds(1);

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

    @Test
    void aControllerCappedAt30PercentSendsFullAndTheToyGets30PercentOfTheGrant() throws Exception {
        f = new HubFixture();
        SimulatedDevices alice = HubFixture.sims("lovense");
        f.agent("Alice", alice, HALF);
        RoomController bob = f.room.addController("bob", AccessToken.generate(),
                ControllerCeiling.NONE.withMaxLevel(0.3).withOutputs(EnumSet.of(OutputType.VIBRATE)));
        ButtplugClientDevice toy = connect(bob).device("Alice - Lovense Hush");
        assertThat(toy.features().get(0).output(OutputType.VIBRATE).orElseThrow().value()).isEqualTo(Range.upTo(3));
        toy.vibrate(1.0).get(2, TimeUnit.SECONDS);
        assertThat(alice.devices().get(0).awaitOutput(0, o -> true, WAIT).value()).isEqualTo(3);
        // the uncapped first controller still reaches the sharer's whole grant
        ButtplugClientDevice full = f.controller().device("Alice - Lovense Hush");
        assertThat(full.features().get(0).output(OutputType.VIBRATE).orElseThrow().value()).isEqualTo(Range.upTo(10));
    }

    @Test
    void aChangedCeilingAppliesToTheNextCommandWithoutClosingTheController() throws Exception {
        f = new HubFixture();
        SimulatedDevices alice = HubFixture.sims("lovense");
        f.agent("Alice", alice, HALF);
        RoomController bob = f.room.addController("bob", AccessToken.generate(), ControllerCeiling.NONE.withMaxLevel(0.3));
        HubFixture.Controller link = connect(bob);
        ButtplugClientDevice toy = link.device("Alice - Lovense Hush");
        toy.vibrate(1.0).get(2, TimeUnit.SECONDS);
        assertThat(alice.devices().get(0).awaitOutput(0, o -> o.value() == 3, WAIT).value()).isEqualTo(3);

        assertThat(f.room.changeCeiling("bob", ControllerCeiling.NONE.withMaxLevel(0.1))).isTrue();
        toy.vibrate(1.0).get(2, TimeUnit.SECONDS);
        assertThat(alice.devices().get(0).awaitOutput(0, o -> o.value() == 1, WAIT).value())
                .as("100% now reaches 10% of the 0..10 granted").isEqualTo(1);
        f.room.changeCeiling("bob", ControllerCeiling.NONE.withMaxLevel(0.6));
        toy.vibrate(0.5).get(2, TimeUnit.SECONDS); // step 2 of the 0..3 shown: two thirds of 0..6, rounded down
        assertThat(alice.devices().get(0).awaitOutput(0, o -> o.value() == 4, WAIT).value()).isEqualTo(4);

        f.room.changeCeiling("bob", ControllerCeiling.NONE.withOutputs(EnumSet.of(OutputType.ROTATE)));
        assertThatThrownBy(() -> toy.vibrate(1.0).get(2, TimeUnit.SECONDS)).hasMessageContaining("may no longer set");
        assertThat(bob.isConnected()).isTrue();
        assertThatThrownBy(() -> f.room.changeCeiling("bob", ControllerCeiling.NONE.withValidFor(Duration.ofHours(1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expiry");
        assertThat(f.room.changeCeiling("nobody", ControllerCeiling.NONE)).isFalse();
    }

    @Test
    void aControllerDoesNotSeeOutputTypesItsCeilingLeavesOut() throws Exception {
        f = new HubFixture();
        f.agent("Alice", HubFixture.sims("lovense"), HALF);
        RoomController led = f.room.addController("led only", ControllerCeiling.NONE.withOutputs(EnumSet.of(OutputType.LED)));
        ButtplugClientDevice toy = connect(led).device("Alice - Lovense Hush");
        assertThat(toy.features().get(0).outputs()).isEmpty();
    }

    @Test
    void eachTokenDrivesFromOneConnectionAtATimeWhileOtherTokensConnect() throws Exception {
        f = new HubFixture();
        RoomController bob = f.room.addController("bob", ControllerCeiling.NONE);
        connect(bob);
        ButtplugClient again = ButtplugClient.builder("bob again").build();
        assertThatThrownBy(() -> again.connect(WebSocketConnector.to(f.hub.controlUri(bob))).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ButtplugHandshakeException.class)
                .hasMessageContaining("one connection per control token");
        assertThat(f.controller()).isNotNull();
        assertThat(f.room.controllers()).extracting(RoomController::isConnected).containsExactly(true, true);
    }

    @Test
    void aTokenOfAnotherControllerOrRoomCannotBeReused() throws Exception {
        f = new HubFixture();
        assertThatThrownBy(() -> f.room.addController("copy", AccessToken.of(HubFixture.CONTROL), ControllerCeiling.NONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.room.addController("sharer", AccessToken.of(HubFixture.SHARE), ControllerCeiling.NONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.room.addController(Room.FIRST_CONTROLLER, ControllerCeiling.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenAControllerLeavesExactlyTheOutputsItSetStopAndWhatAnotherSetSinceKeepsRunning() throws Exception {
        f = new HubFixture();
        SimulatedDevices alice = HubFixture.sims("edge");
        f.agent("Alice", alice, HALF);
        SimulatedDevice toy = alice.devices().get(0);
        RoomController bob = f.room.addController("bob", ControllerCeiling.NONE);
        HubFixture.Controller first = f.controller();
        ButtplugClientDevice firstEdge = first.device(EDGE);
        ButtplugClientDevice bobEdge = connect(bob).device(EDGE);
        // first sets both motors; bob takes motor 1 over since
        firstEdge.output(0, OutputCommand.of(OutputType.VIBRATE, 4)).get(2, TimeUnit.SECONDS);
        firstEdge.output(1, OutputCommand.of(OutputType.VIBRATE, 4)).get(2, TimeUnit.SECONDS);
        bobEdge.output(1, OutputCommand.of(OutputType.VIBRATE, 7)).get(2, TimeUnit.SECONDS);
        toy.awaitOutput(1, o -> o.value() == 7, WAIT);

        long left = System.nanoTime();
        first.client.disconnect().get(2, TimeUnit.SECONDS);
        toy.awaitOutput(0, o -> o.value() == 0, WAIT);
        assertThat(Duration.ofNanos(System.nanoTime() - left)).isLessThan(STOP_BOUND.plusSeconds(2));
        assertThat(toy.outputValue(0, OutputType.VIBRATE)).isZero();
        assertThat(toy.outputValue(1, OutputType.VIBRATE)).isEqualTo(7);
        assertThat(toy.outputs(1)).extracting(OutputCommand::value).doesNotContain(0);
    }

    @Test
    void aCrashedControllerStopsOnlyWhatItSet() throws Exception {
        f = new HubFixture();
        SimulatedDevices alice = HubFixture.sims("edge");
        f.agent("Alice", alice, HALF);
        SimulatedDevice toy = alice.devices().get(0);
        RoomController bob = f.room.addController("bob", ControllerCeiling.NONE);
        ButtplugClientDevice bobEdge = connect(bob).device(EDGE);
        bobEdge.output(1, OutputCommand.of(OutputType.VIBRATE, 7)).get(2, TimeUnit.SECONDS);
        try (RawWebSocket crashing = RawWebSocket.open(f.hub.port(), RemoteServer.CONTROL_PREFIX + HubFixture.CONTROL)) {
            crashing.sendText("[{\"RequestServerInfo\":{\"Id\":1,\"ClientName\":\"crashing app\","
                    + "\"ProtocolVersionMajor\":4,\"ProtocolVersionMinor\":0}}]");
            crashing.sendText("[{\"OutputCmd\":{\"Id\":2,\"DeviceIndex\":0,\"FeatureIndex\":0,"
                    + "\"Command\":{\"Vibrate\":{\"Value\":5}}}}]");
            toy.awaitOutput(0, o -> o.value() == 5, WAIT);
        } // the socket is dropped without a close frame
        toy.awaitOutput(0, o -> o.value() == 0, STOP_BOUND.plusSeconds(2));
        assertThat(toy.outputValue(1, OutputType.VIBRATE)).isEqualTo(7);
    }

    @Test
    void aPingedOutControllerStopsOnlyWhatItSet() throws Exception {
        f = new HubFixture(Duration.ofMillis(300));
        SimulatedDevices alice = HubFixture.sims("edge");
        f.agent("Alice", alice, HALF);
        SimulatedDevice toy = alice.devices().get(0);
        RoomController bob = f.room.addController("bob", ControllerCeiling.NONE);
        ButtplugClientDevice bobEdge = connect(bob).device(EDGE);
        bobEdge.output(1, OutputCommand.of(OutputType.VIBRATE, 7)).get(2, TimeUnit.SECONDS);
        try (RawWebSocket silent = RawWebSocket.open(f.hub.port(), RemoteServer.CONTROL_PREFIX + HubFixture.CONTROL)) {
            silent.sendText("[{\"RequestServerInfo\":{\"Id\":1,\"ClientName\":\"silent app\","
                    + "\"ProtocolVersionMajor\":4,\"ProtocolVersionMinor\":0}}]");
            silent.sendText("[{\"OutputCmd\":{\"Id\":2,\"DeviceIndex\":0,\"FeatureIndex\":0,"
                    + "\"Command\":{\"Vibrate\":{\"Value\":5}}}}]");
            toy.awaitOutput(0, o -> o.value() == 5, WAIT);
            // it sends no Ping: after 300 ms it is pinged out
            toy.awaitOutput(0, o -> o.value() == 0, STOP_BOUND.plusSeconds(2));
        }
        assertThat(toy.outputValue(1, OutputType.VIBRATE)).isEqualTo(7);
    }

    @Test
    void inAnExclusiveRoomTheOtherControllerIsToldWhoHoldsTheDeviceUntilTheHolderStopsIt() throws Exception {
        f = new HubFixture();
        f.room.arbitration(ArbitrationPolicy.exclusive(Duration.ofSeconds(10)));
        SimulatedDevices alice = HubFixture.sims("lovense");
        f.agent("Alice", alice, HALF);
        SimulatedDevice toy = alice.devices().get(0);
        RoomController bob = f.room.addController("bob", ControllerCeiling.NONE);
        ButtplugClientDevice firstToy = f.controller().device("Alice - Lovense Hush");
        ButtplugClientDevice bobToy = connect(bob).device("Alice - Lovense Hush");
        firstToy.vibrate(0.5).get(2, TimeUnit.SECONDS);
        assertThatThrownBy(() -> bobToy.vibrate(1.0).get(2, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ButtplugDeviceException.class)
                .hasMessageContaining("held by controller \"controller\"")
                .hasMessageContaining(" s more");
        assertThat(toy.outputValue(0, OutputType.VIBRATE)).isEqualTo(5);
        firstToy.stop().get(2, TimeUnit.SECONDS);
        bobToy.vibrate(1.0).get(2, TimeUnit.SECONDS);
        assertThat(toy.awaitOutput(0, o -> o.value() == 10, WAIT).value()).isEqualTo(10);
    }

    @Test
    void twoControllersReadTheSameBatteryAndOneLeavingDoesNotEndTheOthersSubscription() throws Exception {
        f = new HubFixture();
        SimulatedDevices alice = HubFixture.sims("lovense");
        f.agent("Alice", alice, HALF.withInput(InputType.BATTERY));
        RoomController bob = f.room.addController("bob", ControllerCeiling.NONE);
        HubFixture.Controller first = f.controller();
        BlockingQueue<Integer> firstReadings = new LinkedBlockingQueue<>();
        BlockingQueue<Integer> bobReadings = new LinkedBlockingQueue<>();
        first.device("Alice - Lovense Hush").subscribe(InputType.BATTERY, firstReadings::add).get(2, TimeUnit.SECONDS);
        connect(bob).device("Alice - Lovense Hush").subscribe(InputType.BATTERY, bobReadings::add).get(2, TimeUnit.SECONDS);
        alice.devices().get(0).setBatteryLevel(42);
        assertThat(awaitReading(firstReadings, 42)).isTrue();
        assertThat(awaitReading(bobReadings, 42)).isTrue();
        first.client.disconnect().get(2, TimeUnit.SECONDS);
        alice.devices().get(0).setBatteryLevel(41);
        assertThat(awaitReading(bobReadings, 41)).isTrue();
    }

    @Test
    void whenAnExclusiveLeaseRunsOutOnTheHubsClockTheNextControllerStopsTheHolderFirstThenDrives() throws Exception {
        // the hub on virtual time (1 s lease, shorter than the 3 s the hub waits for an agent's pong)
        VirtualTime time = new VirtualTime();
        f = new HubFixture(RemoteServer.builder().scheduling(time.scheduling()));
        f.room.arbitration(ArbitrationPolicy.exclusive(Duration.ofSeconds(1)));
        SimulatedDevices alice = HubFixture.sims("edge");
        f.agent("Alice", alice, HALF);
        SimulatedDevice toy = alice.devices().get(0);
        RoomController bob = f.room.addController("bob", ControllerCeiling.NONE);
        ButtplugClientDevice firstEdge = f.controller().device(EDGE);
        ButtplugClientDevice bobEdge = connect(bob).device(EDGE);
        firstEdge.vibrate(0.5).get(2, TimeUnit.SECONDS);
        toy.awaitOutput(1, o -> o.value() == 5, WAIT);
        assertThatThrownBy(() -> bobEdge.output(0, OutputCommand.of(OutputType.VIBRATE, 7)).get(2, TimeUnit.SECONDS))
                .hasMessageContaining("held by controller \"controller\" for 1.0 s more");

        time.advance(Duration.ofSeconds(1));
        toy.clearRecording();
        bobEdge.output(0, OutputCommand.of(OutputType.VIBRATE, 7)).get(2, TimeUnit.SECONDS);
        toy.awaitOutput(0, o -> o.value() == 7, WAIT);
        assertThat(toy.commands()).extracting(r -> r.kind() == RecordedCommand.Kind.STOP ? "stop"
                : r.featureIndex() + "=" + r.output().value()).containsExactly("stop", "0=7");
        assertThat(toy.outputValue(1, OutputType.VIBRATE)).isZero();
    }

    @Test
    void aRevokedControllerIsCutOffItsOutputsStopAndItsTokenNoLongerOpensTheRoom() throws Exception {
        f = new HubFixture();
        SimulatedDevices alice = HubFixture.sims("edge");
        f.agent("Alice", alice, HALF);
        SimulatedDevice toy = alice.devices().get(0);
        RoomController bob = f.room.addController("bob", ControllerCeiling.NONE);
        ButtplugClientDevice firstEdge = f.controller().device(EDGE);
        HubFixture.Controller bobController = connect(bob);
        firstEdge.output(0, OutputCommand.of(OutputType.VIBRATE, 4)).get(2, TimeUnit.SECONDS);
        bobController.device(EDGE).output(1, OutputCommand.of(OutputType.VIBRATE, 7)).get(2, TimeUnit.SECONDS);
        toy.awaitOutput(1, o -> o.value() == 7, WAIT);

        assertThat(f.room.revokeController("bob")).isTrue();
        toy.awaitOutput(1, o -> o.value() == 0, STOP_BOUND.plusSeconds(2));
        assertThat(toy.outputValue(0, OutputType.VIBRATE)).isEqualTo(4);
        assertThat(f.room.controllers()).extracting(RoomController::name).containsExactly(Room.FIRST_CONTROLLER);
        ButtplugClient again = ButtplugClient.builder("bob again").build();
        assertThatThrownBy(() -> again.connect(WebSocketConnector.to(f.hub.controlUri(bob))).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class);
        assertThat(f.room.revokeController("bob")).isFalse();
    }

    private static boolean awaitReading(BlockingQueue<Integer> readings, int wanted) throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            Integer r = readings.poll(2, TimeUnit.SECONDS);
            if (r == null) {
                return false;
            }
            if (r == wanted) {
                return true;
            }
        }
        return false;
    }
}
