package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.testsupport.time.VirtualTime;
import io.github.buttplugjava.core.ButtplugHandshakeException;
import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.Range;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.OutputGrant;
import io.github.buttplugjava.remote.agent.RemoteClient;
import io.github.buttplugjava.remote.link.Hello;
import io.github.buttplugjava.remote.testing.FrameRecorder;
import io.github.buttplugjava.remote.testing.HubFixture;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RemoteServerTest {

    private static final DeviceGrant HALF = DeviceGrant.none().withOutput(OutputType.VIBRATE, OutputGrant.upTo(0.5));

    private HubFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new HubFixture();
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    @Test
    void controllersSeeAliasedNamesAndShrunkRangesAndAFullCommandArrivesAsTheGrantedMaximum() throws Exception {
        SimulatedDevices alice = HubFixture.sims("lovense");
        SimulatedDevices bob = HubFixture.sims("edge");
        f.agent("Alice", alice, HALF);
        f.agent("Bob", bob, DeviceGrant.none().withOutput(OutputType.VIBRATE, OutputGrant.upTo(0.8)));
        HubFixture.Controller c = f.controller();
        ButtplugClientDevice a = c.device("Alice - Lovense Hush");
        ButtplugClientDevice b = c.device("Bob - Lovense Edge");
        assertThat(a.features().get(0).output(OutputType.VIBRATE).orElseThrow().value()).isEqualTo(Range.upTo(10));
        assertThat(b.features().get(0).output(OutputType.VIBRATE).orElseThrow().value()).isEqualTo(Range.upTo(16));
        assertThat(a.features()).hasSize(1);
        a.vibrate(1.0).get(2, TimeUnit.SECONDS);
        b.vibrate(1.0).get(2, TimeUnit.SECONDS);
        SimulatedDevice aliceToy = alice.devices().get(0);
        SimulatedDevice bobToy = bob.devices().get(0);
        assertThat(aliceToy.awaitOutput(0, o -> true, Duration.ofSeconds(2)).value()).isEqualTo(10);
        assertThat(bobToy.awaitOutput(0, o -> true, Duration.ofSeconds(2)).value()).isEqualTo(16);
        assertThat(bobToy.awaitOutput(1, o -> true, Duration.ofSeconds(2)).value()).isEqualTo(16);
        assertThat(f.room.agents()).containsExactlyInAnyOrder("Alice", "Bob");
    }

    @Test
    void aLoweredGrantReachesTheControllerAsANewSmallerRange() throws Exception {
        SimulatedDevices alice = HubFixture.sims("lovense");
        RemoteClient agent = f.agent("Alice", alice, HALF);
        HubFixture.Controller c = f.controller();
        ButtplugClientDevice before = c.device("Alice - Lovense Hush");
        assertThat(before.features().get(0).output(OutputType.VIBRATE).orElseThrow().value()).isEqualTo(Range.upTo(10));
        c.events.clear();
        agent.grants().shareAll(HALF.withMaxLevel(0.25)).get(2, TimeUnit.SECONDS);
        assertThat(c.next(2000)).isEqualTo("removed Alice - Lovense Hush");
        assertThat(c.next(2000)).isEqualTo("added Alice - Lovense Hush");
        ButtplugClientDevice after = c.device("Alice - Lovense Hush");
        assertThat(after.features().get(0).output(OutputType.VIBRATE).orElseThrow().value()).isEqualTo(Range.upTo(5));
        after.vibrate(1.0).get(2, TimeUnit.SECONDS);
        assertThat(alice.devices().get(0).awaitOutput(0, o -> o.value() == 5, Duration.ofSeconds(2)).value()).isEqualTo(5);
    }

    @Test
    void aGrantedBatterySubscriptionFlowsThroughTheHub() throws Exception {
        SimulatedDevices alice = HubFixture.sims("lovense");
        f.agent("Alice", alice, HALF.withInput(io.github.buttplugjava.core.message.InputType.BATTERY));
        HubFixture.Controller c = f.controller();
        java.util.concurrent.BlockingQueue<Integer> readings = new java.util.concurrent.LinkedBlockingQueue<>();
        c.device("Alice - Lovense Hush")
                .subscribe(io.github.buttplugjava.core.message.InputType.BATTERY, readings::add).get(2, TimeUnit.SECONDS);
        alice.devices().get(0).setBatteryLevel(42);
        Integer reading = readings.poll(2, TimeUnit.SECONDS);
        for (int i = 0; i < 10 && reading != null && reading != 42; i++) {
            reading = readings.poll(2, TimeUnit.SECONDS);
        }
        assertThat(reading).isEqualTo(42);
    }

    @Test
    void anAliasThatIsTakenOrLooksLikeOneThatIsIsDenied() throws Exception {
        f.agent("Alice", HubFixture.sims("lovense"), HALF);
        for (String squatter : new String[] {"Alice", "\u0410lice", "AL\u200BICE"}) {
            RemoteClient agent = RemoteClient.builder(f.hub.shareUri(), HubFixture.SHARE, squatter,
                    HubFixture.sims("lovense")).build();
            try (agent) {
                agent.grants().shareAll(HALF).get(2, TimeUnit.SECONDS);
                assertThatThrownBy(() -> agent.start().get(5, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(ButtplugHandshakeException.class)
                        .hasMessageContaining("is taken in this room (or looks like one that is)");
            }
        }
        assertThat(f.room.agents()).containsExactly("Alice");
        assertThat(f.room.devices().devices()).hasSize(1);
    }

    @Test
    void theHubKeepsASnapshotOfItsBuilder() {
        RemoteServerBuilder b = RemoteServer.builder().maxDevicesPerAgent(5).maxFrameSize(1000);
        RemoteServer hub = b.build();
        b.maxDevicesPerAgent(50).maxFrameSize(2000).deviceChurn(1, 1).host("0.0.0.0");
        assertThat(hub.settings().agentCaps().maxDevices()).isEqualTo(5);
        assertThat(hub.settings().agentCaps().churnPerMinute()).isEqualTo(60);
        assertThat(hub.settings().maxFrameSize()).isEqualTo(1000);
        assertThat(hub.settings().host()).isEqualTo("127.0.0.1");
        assertThat(hub.settings().messageLimits()).isEqualTo(io.github.buttplugjava.core.connector.MessageLimits.DEFAULT);
        hub.close();
    }

    @Test
    void aSecondControllerIsRefusedWithAnErrorAndTheFirstKeepsDriving() throws Exception {
        SimulatedDevices alice = HubFixture.sims("lovense");
        f.agent("Alice", alice, HALF);
        HubFixture.Controller first = f.controller();
        ButtplugClient second = ButtplugClient.builder("second").build();
        assertThatThrownBy(() -> second.connect(WebSocketConnector.to(f.hub.controlUri(f.room))).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ButtplugHandshakeException.class)
                .hasMessageContaining("already has a controller");
        first.device("Alice - Lovense Hush").vibrate(0.5).get(2, TimeUnit.SECONDS);
        assertThat(alice.devices().get(0).awaitOutput(0, o -> o.value() == 5, Duration.ofSeconds(2)).value()).isEqualTo(5);
    }

    @Test
    void anUnknownControlTokenIsRefused() {
        URI wrong = f.hub.controlUri(f.room).resolve("/control/not-the-token-0123456789abcdef");
        ButtplugClient c = ButtplugClient.builder("intruder").build();
        assertThatThrownBy(() -> c.connect(WebSocketConnector.to(wrong)).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class);
        assertThat(f.room.hasController()).isFalse();
    }

    @Test
    void anAgentWithAWrongTokenIsDenied() {
        RemoteClient agent = RemoteClient.builder(f.hub.shareUri(), "wrong-token-0123456789abcdef", "Mallory",
                HubFixture.sims("lovense")).build();
        try (agent) {
            assertThatThrownBy(() -> agent.start().get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(ButtplugHandshakeException.class)
                    .hasMessageContaining("unknown share token");
        }
        assertThat(f.room.agents()).isEmpty();
    }

    @Test
    void aLinkThatSaysNoHelloIsClosed() throws Exception {
        VirtualTime time = new VirtualTime();
        RemoteServer quick = RemoteServer.builder().helloTimeout(Duration.ofMillis(300)).scheduling(time.scheduling()).build();
        quick.addRoom("r");
        quick.start();
        try (quick) {
            FrameRecorder silent = new FrameRecorder();
            WebSocketConnector.to(quick.shareUri()).connect(silent).get(5, TimeUnit.SECONDS);
            time.awaitScheduledWithin(Duration.ofMillis(300), Duration.ofSeconds(5)); // the hello deadline is armed
            time.advanceMillis(299);
            assertThat(silent.closed).as("open until the hello deadline").isNotDone();
            time.advanceMillis(1);
            assertThat(silent.closed).succeedsWithin(2, TimeUnit.SECONDS);
            FrameRecorder rude = new FrameRecorder();
            WebSocketConnector rudeLink = WebSocketConnector.to(quick.shareUri());
            rudeLink.connect(rude).get(5, TimeUnit.SECONDS);
            rudeLink.send("[{\"RequestServerInfo\":{\"Id\":1,\"ClientName\":\"x\",\"ProtocolVersionMajor\":4}}]");
            assertThat(rude.next()).contains("Denied");
            assertThat(rude.closed).succeedsWithin(2, TimeUnit.SECONDS);
        }
    }

    @Test
    void linksBeyondMaxConnectionsAreTurnedAwayAndSilentOnesAreShedFirst() throws Exception {
        RemoteServer small = RemoteServer.builder().maxConnections(1).build();
        Room r = small.addRoom("r");
        small.start();
        try (small) {
            // a silent link is pending: a newcomer at the cap sheds it
            FrameRecorder silent = new FrameRecorder();
            WebSocketConnector.to(small.shareUri()).connect(silent).get(5, TimeUnit.SECONDS);
            FrameRecorder agent = new FrameRecorder();
            WebSocketConnector agentLink = WebSocketConnector.to(small.shareUri());
            agentLink.connect(agent).get(5, TimeUnit.SECONDS);
            assertThat(silent.closed).succeedsWithin(5, TimeUnit.SECONDS);

            // an agent that said hello is no longer pending: at the cap, the newcomer is turned away
            agentLink.send(new Hello(Hello.PROTOCOL, r.shareToken().reveal(), "Agent").encode());
            assertThat(agent.next()).contains("Welcome");
            assertThatThrownBy(() -> {
                try (io.github.buttplugjava.testsupport.RawWebSocket second =
                             io.github.buttplugjava.testsupport.RawWebSocket.open(small.port(), "/share")) {
                    second.readUntilClose();
                }
            }).isInstanceOf(java.io.IOException.class);
            assertThat(agent.closed).isNotDone();
        }
        assertThatThrownBy(() -> RemoteServer.builder().maxConnections(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theHubServesItsSocketsWithHalfTheProcessorsAsIoThreadsUnlessTold() {
        assertThat(RemoteServer.DEFAULT_IO_THREADS)
                .isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        try (RemoteServer byDefault = RemoteServer.builder().build();
             RemoteServer told = RemoteServer.builder().ioThreads(3).build()) {
            assertThat(byDefault.settings().ioThreads()).isEqualTo(RemoteServer.DEFAULT_IO_THREADS);
            assertThat(told.settings().ioThreads()).isEqualTo(3);
        }
        assertThatThrownBy(() -> RemoteServer.builder().ioThreads(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ioThreads");
    }

    @Test
    void anAppCanDriveARoomInProcess() throws Exception {
        SimulatedDevices alice = HubFixture.sims("lovense");
        f.agent("Alice", alice, HALF);
        ButtplugClient bot = f.room.connectController("bot").get(5, TimeUnit.SECONDS);
        try {
            HubFixture.Controller view = new HubFixture.Controller(bot);
            view.device("Alice - Lovense Hush").vibrate(0.3).get(2, TimeUnit.SECONDS);
            assertThat(alice.devices().get(0).awaitOutput(0, o -> o.value() == 3, Duration.ofSeconds(2)).value()).isEqualTo(3);
            assertThat(f.room.hasController()).isTrue();
        } finally {
            bot.disconnect();
        }
    }
}
