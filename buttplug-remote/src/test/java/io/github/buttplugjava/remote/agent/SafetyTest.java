package io.github.buttplugjava.remote.agent;

import io.github.buttplugjava.testsupport.devices.HangingDevice;
import io.github.buttplugjava.testsupport.time.VirtualTime;
import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.ButtplugException;
import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.client.ButtplugClientListener;
import io.github.buttplugjava.core.client.ClientDeviceSource;
import io.github.buttplugjava.core.connector.InProcessConnector;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputCmd;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.server.ButtplugServer;
import io.github.buttplugjava.core.server.DeviceManager;
import io.github.buttplugjava.core.server.ServerSession;
import io.github.buttplugjava.core.sim.RecordedCommand;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.core.sim.SimulatedToy;
import io.github.buttplugjava.testsupport.CrashableWebSocketConnector;
import io.github.buttplugjava.remote.testing.FrameRecorder;
import io.github.buttplugjava.remote.testing.HubFixture;
import io.github.buttplugjava.testsupport.devices.ListSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The safety rows of remote sharing, each asserted on simulated toys within the stated time, over
 * real WebSockets on 127.0.0.1.
 */
class SafetyTest {

    private static final String ALICE_TOY = "Alice - Lovense Hush";
    private static final DeviceGrant HALF = DeviceGrant.none().withOutput(OutputType.VIBRATE, OutputGrant.upTo(0.5));
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    private HubFixture f;

    @AfterEach
    void stop() throws Exception {
        if (f != null) {
            f.close();
        }
    }

    private SimulatedDevice vibratingAliceToy(HubFixture.Controller c, SimulatedDevices alice) throws Exception {
        c.device(ALICE_TOY).vibrate(1.0).get(2, TimeUnit.SECONDS);
        SimulatedDevice toy = alice.devices().get(0);
        toy.awaitOutput(0, o -> o.value() == 10, Duration.ofSeconds(2));
        toy.clearRecording();
        return toy;
    }

    // ---- the controller goes away -------------------------------------------------------

    @Test
    void controllerDisconnectStopsWhatItDroveWithinOneSecondAndTheDevicesStayShared() throws Exception {
        f = new HubFixture();
        SimulatedDevices alice = HubFixture.sims("lovense");
        f.agent("Alice", alice, HALF);
        HubFixture.Controller c = f.controller();
        SimulatedDevice toy = vibratingAliceToy(c, alice);
        c.client.disconnect();
        toy.awaitStop(ONE_SECOND);
        assertThat(toy.outputValue(0, OutputType.VIBRATE)).isZero();
        HubFixture.Controller next = f.controller();
        assertThat(next.device(ALICE_TOY)).isNotNull();
    }

    @Test
    void controllerCrashStopsWhatItDroveWithinOneSecond() throws Exception {
        f = new HubFixture();
        SimulatedDevices alice = HubFixture.sims("lovense");
        f.agent("Alice", alice, HALF);
        CrashableWebSocketConnector socket = new CrashableWebSocketConnector(f.hub.controlUri(f.room));
        HubFixture.Controller c = f.controller(socket);
        SimulatedDevice toy = vibratingAliceToy(c, alice);
        socket.crash();
        toy.awaitStop(ONE_SECOND);
        assertThat(toy.outputValue(0, OutputType.VIBRATE)).isZero();
        assertThat(f.controller().device(ALICE_TOY)).isNotNull();
    }

    @Test
    void controllerThatStopsPingingIsDroppedAndItsToysStop() throws Exception {
        // the hub, the agent and the toys on one virtual timeline: only the test moves it
        VirtualTime time = new VirtualTime();
        f = new HubFixture(RemoteServer.builder().controllerMaxPingTime(Duration.ofMillis(500)).scheduling(time.scheduling()));
        SimulatedDevices alice = HubFixture.sims(time.scheduling(), "lovense");
        f.agent("Alice", alice, HALF, time.scheduling());
        FrameRecorder silent = new FrameRecorder();
        CrashableWebSocketConnector raw = new CrashableWebSocketConnector(f.hub.controlUri(f.room));
        raw.connect(silent).get(5, TimeUnit.SECONDS);
        raw.send("[{\"RequestServerInfo\":{\"Id\":1,\"ClientName\":\"frozen app\",\"ProtocolVersionMajor\":4,\"ProtocolVersionMinor\":0}}]");
        assertThat(silent.next()).contains("ServerInfo").contains("\"MaxPingTime\":500");
        raw.send("[{\"OutputCmd\":{\"Id\":2,\"DeviceIndex\":0,\"FeatureIndex\":0,\"Command\":{\"Vibrate\":{\"Value\":10}}}}]");
        SimulatedDevice toy = alice.devices().get(0);
        RecordedCommand on = toy.await(r -> r.kind() == RecordedCommand.Kind.OUTPUT && r.output().value() == 10, Duration.ofSeconds(2));
        // no Ping from now on: MaxPingTime 500 ms, then the stop must reach the toy within 1 s
        time.advanceMillis(499);
        assertThat(toy.commands()).as("still driven before MaxPingTime").noneMatch(r -> r.kind() == RecordedCommand.Kind.STOP);
        time.advanceMillis(1);
        RecordedCommand stop = toy.await(r -> r.kind() == RecordedCommand.Kind.STOP
                || (r.kind() == RecordedCommand.Kind.OUTPUT && r.output().value() == 0), Duration.ofSeconds(5));
        assertThat(Duration.between(on.at(), stop.at())).isLessThan(Duration.ofMillis(1500));
        assertThat(toy.outputValue(0, OutputType.VIBRATE)).isZero();
        raw.crash();
    }

    // ---- an agent's link drops --------------------------------------------------------------

    @Test
    void agentLinkDropRemovesItsDevicesAtOnceFailsPendingCommandsAndStopsItsToys() throws Exception {
        f = new HubFixture();
        ListSource local = new ListSource();
        AtomicReference<CrashableWebSocketConnector> link = new AtomicReference<>();
        VirtualTime time = new VirtualTime(); // the agent's backoff (and watchdog) wait for the test
        RemoteClient agent = RemoteClient.builder(f.hub.shareUri(), HubFixture.SHARE, "Alice", local)
                .scheduling(time.scheduling()).dialer(uri -> {
                    CrashableWebSocketConnector c = new CrashableWebSocketConnector(uri);
                    link.set(c);
                    return c;
                }).backoff(Duration.ofMillis(300), Duration.ofMillis(300)).build();
        SimulatedDevice toy = new SimulatedDevice("sim:lovense#1", SimulatedToy.named("lovense"));
        HangingDevice slow = new HangingDevice();
        try (agent) {
            local.add(toy);
            local.add(slow);
            agent.grants().shareAll(HALF).get(2, TimeUnit.SECONDS);
            agent.start().get(5, TimeUnit.SECONDS);
            HubFixture.Controller c = f.controller();
            c.device(ALICE_TOY).vibrate(1.0).get(2, TimeUnit.SECONDS);
            toy.awaitOutput(0, o -> o.value() == 10, Duration.ofSeconds(2));
            ButtplugClientDevice slowOne = c.device("Alice - Slow Toy");
            CompletableFuture<Void> pending = slowOne.vibrate(0.5);
            assertThat(slow.outputArrived.await(2, TimeUnit.SECONDS)).isTrue();
            c.events.clear();
            toy.clearRecording();

            link.get().crash();

            toy.awaitStop(ONE_SECOND);
            assertThat(List.of(c.next(1000), c.next(1000)))
                    .containsExactlyInAnyOrder("removed " + ALICE_TOY, "removed Alice - Slow Toy");
            assertThatThrownBy(() -> pending.get(1, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ButtplugDeviceException.class);
            assertThat(c.client.devices()).isEmpty();

            // the agent dials again after its 300 ms backoff; the toy comes back, stopped: nothing is resumed
            time.awaitScheduledWithin(Duration.ofMillis(300), Duration.ofSeconds(5));
            time.advanceMillis(299);
            assertThat(c.events).as("no dial before the backoff").isEmpty();
            time.advanceMillis(1);
            assertThat(c.next(5000)).startsWith("added ");
            assertThat(toy.outputValue(0, OutputType.VIBRATE)).isZero();
        }
    }

    // ---- the hub dies or stalls ----------------------------------------------------------

    @Test
    void hubShutdownStopsTheToysAtOnce() throws Exception {
        f = new HubFixture();
        // the agent's ping watchdog on virtual time that never moves: only the closed link can stop the toy
        VirtualTime time = new VirtualTime();
        SimulatedDevices alice = HubFixture.sims(time.scheduling(), "lovense");
        f.agent("Alice", alice, HALF, time.scheduling());
        HubFixture.Controller c = f.controller();
        SimulatedDevice toy = vibratingAliceToy(c, alice);
        f.hub.close();
        toy.awaitStop(Duration.ofMillis(RemoteClient.DEFAULT_MAX_PING_TIME.toMillis()));
        assertThat(toy.outputValue(0, OutputType.VIBRATE)).isZero();
    }

    @Test
    void stalledHubMakesTheAgentPingOutAndStopWithinMaxPingTime() throws Exception {
        try (FakeHub hub = new FakeHub()) {
            VirtualTime time = new VirtualTime(); // the agent and its toys
            SimulatedDevices alice = HubFixture.sims(time.scheduling(), "lovense");
            RemoteClient agent = RemoteClient.builder(hub.shareUri(), "any", "Alice", alice).scheduling(time.scheduling())
                    .maxPingTime(Duration.ofMillis(800)).backoff(Duration.ofSeconds(30), Duration.ofSeconds(30)).build();
            try (agent) {
                agent.grants().shareAll(HALF).get(2, TimeUnit.SECONDS);
                agent.start().get(5, TimeUnit.SECONDS);
                hub.send("[{\"RequestServerInfo\":{\"Id\":1,\"ClientName\":\"hub\",\"ProtocolVersionMajor\":4,\"ProtocolVersionMinor\":0}}]");
                assertThat(hub.await("ServerInfo")).contains("\"MaxPingTime\":800");
                hub.send("[{\"OutputCmd\":{\"Id\":2,\"DeviceIndex\":0,\"FeatureIndex\":0,\"Command\":{\"Vibrate\":{\"Value\":10}}}}]");
                SimulatedDevice toy = alice.devices().get(0);
                RecordedCommand on = toy.await(r -> r.kind() == RecordedCommand.Kind.OUTPUT && r.output().value() == 10,
                        Duration.ofSeconds(2));
                // the hub now says nothing at all
                time.advanceMillis(799);
                assertThat(toy.commands()).as("still driven before MaxPingTime").noneMatch(r -> r.kind() == RecordedCommand.Kind.STOP);
                time.advanceMillis(1);
                RecordedCommand stop = toy.awaitStop(Duration.ofSeconds(5));
                assertThat(Duration.between(on.at(), stop.at())).isLessThanOrEqualTo(Duration.ofMillis(800 + 300));
                assertThat(toy.outputValue(0, OutputType.VIBRATE)).isZero();
            }
        }
    }

    // ---- grants change ------------------------------------------------------------------

    @Test
    void revokedGrantStopsTheToyBeforeTheDeviceLeavesTheControllersList() throws Exception {
        f = new HubFixture();
        SimulatedDevices alice = HubFixture.sims("lovense");
        RemoteClient agent = f.agent("Alice", alice, HALF);
        HubFixture.Controller c = f.controller();
        SimulatedDevice toy = vibratingAliceToy(c, alice);
        // when the device left the controller's list, on the same clock as the toy's recording
        CompletableFuture<Instant> removedAt = new CompletableFuture<>();
        c.client.addListener(new ButtplugClientListener() {
            @Override
            public void deviceRemoved(ButtplugClientDevice device) {
                removedAt.complete(Instant.now());
            }
        });
        c.events.clear();
        agent.grants().revoke(toy.identifier()).get(2, TimeUnit.SECONDS);
        assertThat(c.next(1000)).isEqualTo("removed " + ALICE_TOY);
        RecordedCommand stop = toy.awaitStop(Duration.ZERO);
        assertThat(stop.at()).isBefore(removedAt.get(1, TimeUnit.SECONDS));
        assertThat(toy.outputValue(0, OutputType.VIBRATE)).isZero();
    }

    @Test
    void pausedAndExpiredGrantsStopFirstThenLeave() throws Exception {
        f = new HubFixture();
        VirtualTime time = new VirtualTime(); // the agent's grant expiry
        SimulatedDevices alice = HubFixture.sims(time.scheduling(), "lovense");
        RemoteClient agent = f.agent("Alice", alice, HALF, time.scheduling());
        HubFixture.Controller c = f.controller();
        SimulatedDevice toy = vibratingAliceToy(c, alice);
        c.events.clear();
        agent.grants().pause(toy.identifier(), true).get(2, TimeUnit.SECONDS);
        assertThat(c.next(1000)).isEqualTo("removed " + ALICE_TOY);
        toy.awaitStop(Duration.ZERO);

        agent.grants().share(toy.identifier(), HALF.withExpiry(time.now().plusMillis(700))).get(2, TimeUnit.SECONDS);
        assertThat(c.next(2000)).isEqualTo("added " + ALICE_TOY);
        c.device(ALICE_TOY).vibrate(1.0).get(2, TimeUnit.SECONDS);
        toy.awaitOutput(0, o -> o.value() == 10, Duration.ofSeconds(2));
        toy.clearRecording();
        time.advanceMillis(699);
        assertThat(c.events).as("shared until the expiry").isEmpty();
        time.advanceMillis(2);
        assertThat(c.next(3000)).isEqualTo("removed " + ALICE_TOY);
        toy.awaitStop(Duration.ZERO);
        assertThat(toy.outputValue(0, OutputType.VIBRATE)).isZero();
    }

    // ---- a local Buttplug server behind the agent goes away -------------------------------

    @Test
    void devicesOfALocalServerThatDisconnectsAreUnshared() throws Exception {
        f = new HubFixture();
        SimulatedDevices intifaceToys = HubFixture.sims("lovense");
        DeviceManager intiface = new DeviceManager(List.of(intifaceToys));
        try {
            ButtplugServer intifaceServer = ButtplugServer.builder(intiface).name("Intiface stand-in").build();
            InProcessConnector.Pair pair = InProcessConnector.pair();
            ServerSession session = intifaceServer.serve(pair.server());
            ButtplugClient local = ButtplugClient.builder("share agent").build();
            local.connect(pair.client()).get(5, TimeUnit.SECONDS);
            f.agent("Alice", new ClientDeviceSource(local), HALF);
            HubFixture.Controller c = f.controller();
            c.device(ALICE_TOY).vibrate(1.0).get(2, TimeUnit.SECONDS);
            intifaceToys.devices().get(0).awaitOutput(0, o -> o.value() == 10, Duration.ofSeconds(2));
            c.events.clear();
            session.close();
            assertThat(c.next(1000)).isEqualTo("removed " + ALICE_TOY);
            assertThat(c.client.devices()).isEmpty();
        } finally {
            intiface.close();
        }
    }

    // ---- commands that break the grant -------------------------------------------------------

    @Test
    void commandsAboveTheGrantOrToUnsharedFeaturesGetASpecErrorTooFastOnesAreHeldAndTheToyNeverExceedsTheGrant() throws Exception {
        f = new HubFixture();
        SimulatedDevices alice = HubFixture.sims("lovense");
        f.agent("Alice", alice, HALF.withMinInterval(Duration.ofSeconds(5)));
        HubFixture.Controller c = f.controller();
        ButtplugClientDevice d = c.device(ALICE_TOY);
        SimulatedDevice toy = alice.devices().get(0);

        assertThatThrownBy(() -> c.client.request(new OutputCmd(1, d.index(), 0, OutputCommand.of(OutputType.VIBRATE, 20)))
                .get(2, TimeUnit.SECONDS)).hasCauseInstanceOf(ButtplugException.class);
        assertThatThrownBy(() -> c.client.request(new OutputCmd(1, d.index(), 0, OutputCommand.of(OutputType.ROTATE, 5)))
                .get(2, TimeUnit.SECONDS)).hasCauseInstanceOf(ButtplugException.class);
        assertThatThrownBy(() -> d.read(InputType.BATTERY).get(2, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ButtplugException.class);

        d.vibrate(1.0).get(2, TimeUnit.SECONDS);
        // too soon for the 5 s interval: held at the agent (latest wins), not sent to the toy
        CompletableFuture<Void> held = d.vibrate(0.6);
        // a stop passes at once, past the held command, and drops it
        d.vibrate(0).get(2, TimeUnit.SECONDS);
        held.get(2, TimeUnit.SECONDS);
        toy.awaitOutput(0, o -> o.value() == 0, Duration.ofSeconds(2));
        assertThat(toy.outputs(0)).extracting(OutputCommand::value).containsExactly(10, 0);
    }

    @Test
    void theAgentRefusesWhatAnUntrustedHubSendsBeyondTheGrant() throws Exception {
        try (FakeHub hub = new FakeHub()) {
            SimulatedDevices alice = HubFixture.sims("lovense");
            RemoteClient agent = RemoteClient.builder(hub.shareUri(), "any", "Alice", alice).build();
            try (agent) {
                agent.grants().shareAll(HALF).get(2, TimeUnit.SECONDS);
                agent.start().get(5, TimeUnit.SECONDS);
                hub.send("[{\"RequestServerInfo\":{\"Id\":1,\"ClientName\":\"evil hub\",\"ProtocolVersionMajor\":4,\"ProtocolVersionMinor\":0}}]");
                hub.await("ServerInfo");
                hub.send("[{\"RequestDeviceList\":{\"Id\":2}}]");
                String list = hub.await("DeviceList");
                assertThat(list).contains("[0,10]").doesNotContain("sim:").doesNotContain("Battery");
                hub.send("[{\"OutputCmd\":{\"Id\":3,\"DeviceIndex\":0,\"FeatureIndex\":0,\"Command\":{\"Vibrate\":{\"Value\":20}}}}]");
                assertThat(hub.await("\"Id\":3")).contains("Error");
                hub.send("[{\"InputCmd\":{\"Id\":4,\"DeviceIndex\":0,\"FeatureIndex\":1,\"InputType\":\"Battery\",\"InputCommand\":\"Read\"}}]");
                assertThat(hub.await("\"Id\":4")).contains("Error");
                hub.send("[{\"OutputCmd\":{\"Id\":5,\"DeviceIndex\":0,\"FeatureIndex\":0,\"Command\":{\"Vibrate\":{\"Value\":10}}}}]");
                assertThat(hub.await("\"Id\":5")).contains("Ok");
                SimulatedDevice toy = alice.devices().get(0);
                assertThat(toy.outputs(0)).extracting(OutputCommand::value).containsExactly(10);
            }
        }
    }
}
