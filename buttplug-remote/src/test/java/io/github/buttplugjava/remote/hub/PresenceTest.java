package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.device.DeviceSource;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.OutputGrant;
import io.github.buttplugjava.remote.agent.PresenceEvent;
import io.github.buttplugjava.remote.agent.PresenceListener;
import io.github.buttplugjava.remote.agent.RemoteClient;
import io.github.buttplugjava.remote.link.Heartbeat;
import io.github.buttplugjava.remote.link.AccessToken;
import io.github.buttplugjava.remote.testing.HubFixture;
import io.github.buttplugjava.testsupport.RecordingConnector;
import io.github.buttplugjava.testsupport.CrashableWebSocketConnector;
import io.github.buttplugjava.testsupport.RawWebSocket;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Presence for sharers, with the real hub over WebSockets: what an agent is told, and who is not. */
class PresenceTest {

    private static final DeviceGrant HALF = DeviceGrant.none().withOutput(OutputType.VIBRATE, OutputGrant.upTo(0.5));

    private HubFixture f;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final BlockingQueue<String> heard = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        if (f != null) {
            f.close();
        }
    }

    /** Presence events, as short lines. */
    private final PresenceListener listener = event -> heard.add(describe(event));

    static String describe(PresenceEvent event) {
        if (event instanceof PresenceEvent.ControllerJoined j) {
            return "joined " + j.controller();
        } else if (event instanceof PresenceEvent.ControllerLeft l) {
            return "left " + l.controller();
        } else if (event instanceof PresenceEvent.DriversChanged d) {
            return "drives " + d.deviceName() + ": " + d.controllers();
        }
        return "unavailable: " + ((PresenceEvent.Unavailable) event).reason();
    }

    private String next() throws InterruptedException {
        String e = heard.poll(5, TimeUnit.SECONDS);
        if (e == null) {
            throw new AssertionError("no presence event within 5 s");
        }
        return e;
    }

    private RemoteClient agent(String alias, DeviceSource local, PresenceListener presence,
                               Function<URI, ButtplugConnector> dialer) throws Exception {
        RemoteClient.Builder b = RemoteClient.builder(f.hub.shareUri(), HubFixture.SHARE, alias, local).dialer(dialer)
                .backoff(Duration.ofMillis(200), Duration.ofMillis(400));
        if (presence != null) {
            b.presenceListener(presence);
        }
        RemoteClient agent = b.build();
        closeables.add(0, agent);
        agent.grants().shareAll(HALF).get(2, TimeUnit.SECONDS);
        agent.start().get(5, TimeUnit.SECONDS);
        return agent;
    }

    private ButtplugClient connect(RoomController controller, Function<URI, ButtplugConnector> dialer) throws Exception {
        ButtplugClient client = ButtplugClient.builder(controller.name() + "'s app").build();
        client.connect(dialer.apply(f.hub.controlUri(controller))).get(5, TimeUnit.SECONDS);
        closeables.add(0, client::disconnect);
        return client;
    }

    private static ButtplugClientDevice device(ButtplugClient client, String name) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            for (ButtplugClientDevice d : client.devices()) {
                if (d.name().equals(name)) {
                    return d;
                }
            }
            Thread.sleep(20); // bounded poll-until loop
        }
        throw new AssertionError("no device " + name + " in " + client.devices());
    }

    @Test
    void twoControllersJoinDriveDifferentToysAndLeaveAndTheAgentHearsEachInOrder() throws Exception {
        f = new HubFixture();
        RemoteClient alice = agent("Alice", HubFixture.sims("lovense", "wevibe"), listener, WebSocketConnector::to);
        f.awaitRoomDevices(2);
        RoomController bob = f.room.addController("bob", AccessToken.generate(), ControllerCeiling.NONE);
        RoomController carol = f.room.addController("carol", AccessToken.generate(), ControllerCeiling.NONE);

        ButtplugClient bobApp = connect(bob, WebSocketConnector::to);
        assertThat(next()).isEqualTo("joined bob");
        ButtplugClient carolApp = connect(carol, WebSocketConnector::to);
        assertThat(next()).isEqualTo("joined carol");
        assertThat(alice.presence().orElseThrow().controllers()).containsExactly("bob", "carol");

        device(bobApp, "Alice - Lovense Hush").vibrate(0.5).get(5, TimeUnit.SECONDS);
        assertThat(next()).isEqualTo("drives Lovense Hush: [bob]");
        device(carolApp, "Alice - We-Vibe Sync").vibrate(0.5).get(5, TimeUnit.SECONDS);
        assertThat(next()).isEqualTo("drives We-Vibe Sync: [carol]");
        String hush = alice.grants().localDevices().entrySet().stream()
                .filter(e -> e.getValue().name().equals("Lovense Hush")).findFirst().orElseThrow().getKey();
        assertThat(alice.presence().orElseThrow().driversOf(hush)).containsExactly("bob");

        bobApp.disconnect().get(5, TimeUnit.SECONDS);
        assertThat(next()).isEqualTo("drives Lovense Hush: []");
        assertThat(next()).isEqualTo("left bob");
        carolApp.disconnect().get(5, TimeUnit.SECONDS);
        assertThat(next()).isEqualTo("drives We-Vibe Sync: []");
        assertThat(next()).isEqualTo("left carol");
        assertThat(heard.poll(300, TimeUnit.MILLISECONDS)).isNull();
        assertThat(alice.presence().orElseThrow().controllers()).isEmpty();
    }

    @Test
    void aControllerThatTakesAToyOverIsToldAsItsNewDriver() throws Exception {
        f = new HubFixture();
        agent("Alice", HubFixture.sims("lovense"), listener, WebSocketConnector::to);
        f.awaitRoomDevices(1);
        RoomController bob = f.room.addController("bob", AccessToken.generate(), ControllerCeiling.NONE);
        ButtplugClient first = connect(f.room.controllers().get(0), WebSocketConnector::to);
        assertThat(next()).isEqualTo("joined controller");
        ButtplugClient bobApp = connect(bob, WebSocketConnector::to);
        assertThat(next()).isEqualTo("joined bob");
        device(first, "Alice - Lovense Hush").vibrate(0.2).get(5, TimeUnit.SECONDS);
        assertThat(next()).isEqualTo("drives Lovense Hush: [controller]");
        device(bobApp, "Alice - Lovense Hush").vibrate(0.4).get(5, TimeUnit.SECONDS);
        assertThat(next()).isEqualTo("drives Lovense Hush: [bob]");
    }

    @Test
    void aToyTheSharerPausesWhileItIsDrivenIsToldAsDrivenByNobody() throws Exception {
        f = new HubFixture();
        RemoteClient alice = agent("Alice", HubFixture.sims("lovense"), listener, WebSocketConnector::to);
        f.awaitRoomDevices(1);
        ButtplugClient app = connect(f.room.controllers().get(0), WebSocketConnector::to);
        assertThat(next()).isEqualTo("joined controller");
        device(app, "Alice - Lovense Hush").vibrate(0.5).get(5, TimeUnit.SECONDS);
        assertThat(next()).isEqualTo("drives Lovense Hush: [controller]");
        alice.grants().pause(alice.grants().sharedIdentifiers().get(0), true).get(5, TimeUnit.SECONDS);
        assertThat(next()).isEqualTo("drives Lovense Hush: []");
        assertThat(alice.presence().orElseThrow().drivers()).isEmpty();
        assertThat(alice.presence().orElseThrow().controllers()).containsExactly("controller");
    }

    @Test
    void aControllerNeverSeesPresenceOnItsSession() throws Exception {
        f = new HubFixture();
        agent("Alice", HubFixture.sims("lovense"), listener, WebSocketConnector::to);
        f.awaitRoomDevices(1);
        RoomController bob = f.room.addController("bob", AccessToken.generate(), ControllerCeiling.NONE);
        List<String> bobSaw = new CopyOnWriteArrayList<>();
        ButtplugClient bobApp = connect(bob, uri -> new RecordingConnector(WebSocketConnector.to(uri), bobSaw));
        assertThat(next()).isEqualTo("joined bob");
        ButtplugClient other = connect(f.room.controllers().get(0), WebSocketConnector::to);
        assertThat(next()).isEqualTo("joined controller");
        device(bobApp, "Alice - Lovense Hush").vibrate(0.5).get(5, TimeUnit.SECONDS);
        assertThat(next()).isEqualTo("drives Lovense Hush: [bob]");
        other.disconnect().get(5, TimeUnit.SECONDS);
        assertThat(next()).isEqualTo("left controller");
        assertThat(bobSaw).isNotEmpty().allSatisfy(frame -> assertThat(frame).startsWith("[")
                .doesNotContain("Presence").doesNotContain("\"controller\""));
    }

    @Test
    void anAgentThatDoesNotAskIsNeverSentPresenceAndSharesAsBefore() throws Exception {
        f = new HubFixture();
        List<String> agentSaw = new CopyOnWriteArrayList<>();
        agent("Old", HubFixture.sims("lovense"), null, uri -> new RecordingConnector(WebSocketConnector.to(uri), agentSaw));
        f.awaitRoomDevices(1);
        // the welcome agrees to the heartbeat the agent offered, not to presence
        assertThat(agentSaw.get(0)).startsWith("{\"Welcome\":").doesNotContain("Presence");
        RoomController bob = f.room.addController("bob", AccessToken.generate(), ControllerCeiling.NONE);
        device(connect(bob, WebSocketConnector::to), "Old - Lovense Hush").vibrate(0.5).get(5, TimeUnit.SECONDS);
        assertThat(f.room.presence().subscribers()).isZero();
        assertThat(agentSaw.subList(1, agentSaw.size())).filteredOn(frame -> !Heartbeat.isHeartbeat(frame))
                .allSatisfy(frame -> assertThat(frame).startsWith("["));
    }

    @Test
    void anOldAgentsHelloByteForByteGetsTheOldWelcomeByteForByteAndThenButtplug() throws Exception {
        f = new HubFixture();
        try (RawWebSocket old = RawWebSocket.open(f.hub.port(), "/share")) {
            old.sendText("{\"Hello\":{\"AgentProtocol\":1,\"Token\":\"" + HubFixture.SHARE + "\",\"Alias\":\"Old\"}}");
            assertThat(old.read().text()).isEqualTo("{\"Welcome\":{\"AgentProtocol\":1,\"Room\":\"test\"}}");
            assertThat(old.read().text()).startsWith("[{\"RequestServerInfo\"");
        }
    }

    @Test
    void sixtyFourControllersJoiningAreAllToldAndTheAgentOnlyHearsTheLatestPicture() throws Exception {
        f = new HubFixture();
        List<String> agentSaw = new CopyOnWriteArrayList<>();
        RemoteClient alice = agent("Alice", HubFixture.sims("lovense"), listener,
                uri -> new RecordingConnector(WebSocketConnector.to(uri), agentSaw));
        f.awaitRoomDevices(1);
        List<CompletableFuture<ButtplugClient>> joining = new ArrayList<>();
        joining.add(f.room.controllers().get(0).connect("first"));
        for (int i = 1; i < Room.MAX_CONTROLLERS; i++) {
            joining.add(f.room.addController("c" + i, ControllerCeiling.NONE).connect("bot " + i));
        }
        for (CompletableFuture<ButtplugClient> c : joining) {
            ButtplugClient client = c.get(10, TimeUnit.SECONDS);
            closeables.add(0, client::disconnect);
        }
        for (int i = 0; i < Room.MAX_CONTROLLERS; i++) {
            assertThat(next()).startsWith("joined ");
        }
        assertThat(alice.presence().orElseThrow().controllers()).hasSize(Room.MAX_CONTROLLERS);
        long presenceFrames = agentSaw.stream().filter(s -> s.startsWith("{\"Presence\"")).count();
        assertThat(presenceFrames).isLessThanOrEqualTo(Room.MAX_CONTROLLERS + 1L);
    }

    @Test
    void whenTheLinkDropsPresenceIsUnknownAndTheNextLinkTellsItAgain() throws Exception {
        f = new HubFixture();
        List<CrashableWebSocketConnector> links = new CopyOnWriteArrayList<>();
        RemoteClient alice = agent("Alice", HubFixture.sims("lovense"), listener, uri -> {
            CrashableWebSocketConnector c = new CrashableWebSocketConnector(uri);
            links.add(c);
            return c;
        });
        f.awaitRoomDevices(1);
        connect(f.room.controllers().get(0), WebSocketConnector::to);
        assertThat(next()).isEqualTo("joined controller");
        links.get(0).crash();
        assertThat(next()).isEqualTo("unavailable: not linked to the hub");
        assertThat(alice.presence()).isEmpty();
        assertThat(next()).isEqualTo("joined controller");
    }
}
