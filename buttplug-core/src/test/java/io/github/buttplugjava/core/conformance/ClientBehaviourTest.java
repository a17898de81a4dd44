package io.github.buttplugjava.core.conformance;

import io.github.buttplugjava.testsupport.time.VirtualTime;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.buttplugjava.core.ButtplugHandshakeException;
import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.client.ButtplugTimeoutException;
import io.github.buttplugjava.core.codec.SpecVersion;
import io.github.buttplugjava.core.connector.ConnectorException;
import io.github.buttplugjava.core.connector.InProcessConnector;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.github.buttplugjava.core.conformance.RawClient.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client against scripted servers (raw frames) and our server: deadlines, drops, fallback, pings, threads. */
class ClientBehaviourTest {

    private static final String V4_INFO = "[{\"ServerInfo\":{\"Id\":1,\"ServerName\":\"fake\",\"ProtocolVersionMajor\":4,\"ProtocolVersionMinor\":0,\"MaxPingTime\":%d}}]";
    private static final String V4_EMPTY_LIST = "[{\"DeviceList\":{\"Id\":%d,\"Devices\":{}}}]";

    /** A client connected to a scripted v4 server, and that server's end. */
    private record Scripted(ButtplugClient client, RawClient server, CompletableFuture<Void> connected) {
    }

    private static Scripted scripted(Duration timeout, long maxPingMs, ClientEvents events) throws Exception {
        return scripted(ButtplugClient.builder("t").requestTimeout(timeout), maxPingMs, events);
    }

    private static Scripted scripted(ButtplugClient.Builder builder, long maxPingMs, ClientEvents events) throws Exception {
        InProcessConnector.Pair pair = InProcessConnector.pair();
        RawClient server = new RawClient(pair.server());
        ButtplugClient client = builder.build();
        client.addListener(events);
        CompletableFuture<Void> connected = client.connect(pair.client());
        JsonNode rsi = server.await("RequestServerInfo");
        server.send(String.format(V4_INFO.replace("\"Id\":1", "\"Id\":" + rsi.get("Id").asLong()), maxPingMs));
        long listId = server.await("RequestDeviceList").get("Id").asLong();
        server.send(String.format(V4_EMPTY_LIST, listId));
        connected.get(5, TimeUnit.SECONDS);
        return new Scripted(client, server, connected);
    }

    @Test
    void everyRequestHasADeadline() throws Exception {
        VirtualTime time = new VirtualTime();
        Scripted s = scripted(ButtplugClient.builder("t").requestTimeout(Duration.ofMillis(200))
                .scheduling(time.scheduling()), 0, new ClientEvents());
        CompletableFuture<Void> scan = s.client().startScanning();
        s.server().await("StartScanning");
        time.awaitScheduledWithin(Duration.ofMillis(200), Duration.ofSeconds(5));
        time.advanceMillis(199);
        assertThat(scan).as("not failed before its deadline").isNotDone();
        time.advanceMillis(1);
        assertThatThrownBy(() -> scan.get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ButtplugTimeoutException.class);
        assertThat(s.client().isConnected()).isTrue();
    }

    @Test
    void pendingRequestsFailAtOnceWhenTheConnectionDrops() throws Exception {
        ClientEvents events = new ClientEvents();
        Scripted s = scripted(Duration.ofSeconds(60), 0, events);
        CompletableFuture<Void> scan = s.client().startScanning();
        CompletableFuture<Void> stop = s.client().stopAll();
        s.server().await("StopCmd");
        s.server().close();
        assertThatThrownBy(() -> scan.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(ConnectorException.class);
        assertThatThrownBy(() -> stop.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(ConnectorException.class);
        assertThat(events.await("disconnected")).isEqualTo("disconnected ConnectorException");
        assertThat(s.client().isConnected()).isFalse();
    }

    @Test
    void pingsEveryThirdOfMaxPingTime() throws Exception {
        VirtualTime time = new VirtualTime();
        // 600 ms MaxPingTime, a floor well below a third of it: the period is the third, 200 ms
        Scripted s = scripted(ButtplugClient.builder("t").requestTimeout(Duration.ofSeconds(5))
                .scheduling(time.scheduling()).minPingInterval(Duration.ofMillis(1)), 600, new ClientEvents());
        for (int i = 0; i < 3; i++) {
            // the next tick is 200 ms away: no ping sooner than a third of MaxPingTime after the last
            assertThat(time.nextDelay()).contains(Duration.ofMillis(200));
            time.advanceMillis(200);
            long id = s.server().await("Ping").get("Id").asLong();
            s.server().send("[{\"Ok\":{\"Id\":" + id + "}}]");
            time.awaitScheduledWithin(Duration.ofMillis(200), Duration.ofSeconds(5));
        }
        // three ticks took 600 ms of the client's time; answered, the pings keep the link up
        assertThat(Duration.ofNanos(time.elapsedNanos())).isEqualTo(Duration.ofMillis(600));
        assertThat(s.client().isConnected()).isTrue();
        s.client().disconnect().get(5, TimeUnit.SECONDS);
    }

    @Test
    void serverPingOutBecomesAnErrorAndADisconnect() throws Exception {
        ClientEvents events = new ClientEvents();
        Scripted s = scripted(Duration.ofSeconds(5), 0, events);
        s.server().send("[{\"Error\":{\"Id\":0,\"ErrorMessage\":\"pinged out\",\"ErrorCode\":2}}]");
        assertThat(events.await("error")).isEqualTo("error PING");
        assertThat(events.await("disconnected")).isEqualTo("disconnected ButtplugPingException");
    }

    @Test
    void fallsBackToV3WhenTheServerAnswersWithAnError() throws Exception {
        fallback(true);
    }

    @Test
    void fallsBackToV3WhenTheServerAnswersWithAV3ServerInfo() throws Exception {
        fallback(false);
    }

    @Test
    void fallsBackToV3WhenTheServerDropsTheV4Handshake() throws Exception {
        InProcessConnector.Pair pair = InProcessConnector.pair();
        RawClient server = new RawClient(pair.server());
        VirtualTime time = new VirtualTime();
        ButtplugClient client = ButtplugClient.builder("t").requestTimeout(Duration.ofMillis(300))
                .scheduling(time.scheduling()).build();
        CompletableFuture<Void> connected = client.connect(pair.client());
        assertThat(server.await("RequestServerInfo").get("ProtocolVersionMajor").asInt()).isEqualTo(4);
        time.awaitScheduledWithin(Duration.ofMillis(300), Duration.ofSeconds(5));
        time.advanceMillis(300);
        JsonNode v3 = server.await("RequestServerInfo");
        assertThat(v3.get("MessageVersion").asInt()).isEqualTo(3);
        server.send("[{\"ServerInfo\":{\"Id\":" + v3.get("Id").asLong() + ",\"MessageVersion\":3,\"MaxPingTime\":0,\"ServerName\":\"old\"}}]");
        long listId = server.await("RequestDeviceList").get("Id").asLong();
        server.send("[{\"DeviceList\":{\"Id\":" + listId + ",\"Devices\":[]}}]");
        connected.get(5, TimeUnit.SECONDS);
        assertThat(client.serverInfo().orElseThrow().protocolVersionMajor()).isEqualTo(3);
    }

    @Test
    void withoutFallbackAnUnansweredV4HandshakeFailsPlainly() throws Exception {
        InProcessConnector.Pair pair = InProcessConnector.pair();
        RawClient server = new RawClient(pair.server());
        VirtualTime time = new VirtualTime();
        ButtplugClient client = ButtplugClient.builder("t").requestTimeout(Duration.ofMillis(300))
                .fallbackToV3(false).scheduling(time.scheduling()).build();
        CompletableFuture<Void> connected = client.connect(pair.client());
        assertThat(server.await("RequestServerInfo").get("ProtocolVersionMajor").asInt()).isEqualTo(4);
        time.awaitScheduledWithin(Duration.ofMillis(300), Duration.ofSeconds(5));
        time.advanceMillis(299);
        assertThat(connected).as("not failed before the request deadline").isNotDone();
        time.advanceMillis(1);
        assertThatThrownBy(() -> connected.get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ButtplugTimeoutException.class);
        assertThat(client.isConnected()).isFalse();
    }

    private static void fallback(boolean errorFirst) throws Exception {
        InProcessConnector.Pair pair = InProcessConnector.pair();
        RawClient server = new RawClient(pair.server());
        ButtplugClient client = ButtplugClient.builder("t").requestTimeout(WAIT).build();
        CompletableFuture<Void> connected = client.connect(pair.client());
        JsonNode rsi = server.await("RequestServerInfo");
        assertThat(rsi.get("ProtocolVersionMajor").asInt()).isEqualTo(4);
        long infoId = rsi.get("Id").asLong();
        if (errorFirst) {
            server.send("[{\"Error\":{\"Id\":" + infoId + ",\"ErrorMessage\":\"unknown field ProtocolVersionMajor\",\"ErrorCode\":3}}]");
            JsonNode v3 = server.await("RequestServerInfo");
            assertThat(v3.get("MessageVersion").asInt()).isEqualTo(3);
            infoId = v3.get("Id").asLong();
        }
        server.send("[{\"ServerInfo\":{\"Id\":" + infoId + ",\"MessageVersion\":3,\"MaxPingTime\":0,\"ServerName\":\"old\"}}]");
        long listId = server.await("RequestDeviceList").get("Id").asLong();
        server.send("[{\"DeviceList\":{\"Id\":" + listId + ",\"Devices\":[{\"DeviceName\":\"Old Vibe\",\"DeviceIndex\":3,"
                + "\"DeviceMessages\":{\"ScalarCmd\":[{\"StepCount\":20,\"FeatureDescriptor\":\"\",\"ActuatorType\":\"Vibrate\"}],"
                + "\"StopDeviceCmd\":{}}}]}}]");
        connected.get(5, TimeUnit.SECONDS);
        assertThat(client.serverInfo().orElseThrow().protocolVersionMajor()).isEqualTo(3);
        ButtplugClientDevice vibe = client.device(3).orElseThrow();
        CompletableFuture<Void> vibrated = vibe.vibrate(0.5);
        JsonNode scalar = server.await("ScalarCmd");
        assertThat(scalar.get("Scalars").get(0).get("Scalar").asDouble()).isEqualTo(0.5);
        server.send("[{\"Ok\":{\"Id\":" + scalar.get("Id").asLong() + "}}]");
        vibrated.get(5, TimeUnit.SECONDS);
    }

    @Test
    void listenersRunOnTheClientExecutorAndConnectTwiceIsRefused() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "client-exec"));
        try (Rig rig = new Rig("lovense")) {
            ClientEvents events = new ClientEvents();
            ButtplugClient client = ButtplugClient.builder("t").executor(executor).build();
            client.addListener(events);
            client.connect(rig.attach()).get(5, TimeUnit.SECONDS);
            client.startScanning().get(5, TimeUnit.SECONDS);
            events.await("added");
            assertThat(events.lastThread).isEqualTo("client-exec");
            assertThatThrownBy(() -> client.connect(rig.attach()).get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(ButtplugHandshakeException.class);
            client.disconnect().get(5, TimeUnit.SECONDS);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void clientKeepsARealServerWithMaxPingTimeHappy() throws Exception {
        try (Rig rig = new Rig(Duration.ofMillis(400), "lovense")) {
            ClientEvents events = new ClientEvents();
            ButtplugClient client = ButtplugClient.builder("t").build();
            client.addListener(events);
            client.connect(rig.attach()).get(5, TimeUnit.SECONDS);
            client.startScanning().get(5, TimeUnit.SECONDS);
            events.await("added");
            // let three MaxPingTimes pass
            CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(1200, TimeUnit.MILLISECONDS))
                    .get(5, TimeUnit.SECONDS);
            client.device(0).orElseThrow().vibrate(0.5).get(5, TimeUnit.SECONDS);
            rig.toy("lovense").awaitOutput(0, c -> c.value() == 10, WAIT);
            assertThat(events.events).noneMatch(e -> e.startsWith("error") || e.startsWith("disconnected"));
        }
    }

    @Test
    void commandsInsideTheTimingGapCoalesceAndAllComplete() throws Exception {
        SimulatedDevices sim = SimulatedDevices.builder().add("lovense").timingGapMs(500).build();
        try (Rig rig = new Rig(Duration.ZERO, sim)) {
            ClientEvents events = new ClientEvents();
            ButtplugClient client = ButtplugClient.builder("t").build();
            client.addListener(events);
            client.connect(rig.attach()).get(5, TimeUnit.SECONDS);
            client.startScanning().get(5, TimeUnit.SECONDS);
            events.await("added");
            ButtplugClientDevice lovense = client.device(0).orElseThrow();
            assertThat(lovense.timingGapMs()).isEqualTo(500);
            List<CompletableFuture<Void>> sent = new ArrayList<>();
            for (int value = 1; value <= 10; value++) {
                sent.add(lovense.output(0, OutputCommand.of(OutputType.VIBRATE, value)));
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
            assertThat(rig.toy("lovense").outputValue(0, OutputType.VIBRATE)).isEqualTo(10);
            assertThat(rig.toy("lovense").outputs(0)).hasSizeLessThanOrEqualTo(3)
                    .extracting(OutputCommand::value).endsWith(10);
        }
    }

    @Test
    void connectFailsCleanlyOnAClosedConnector() throws Exception {
        InProcessConnector.Pair pair = InProcessConnector.pair();
        pair.client().close();
        ButtplugClient client = ButtplugClient.builder("t").build();
        assertThatThrownBy(() -> client.connect(pair.client()).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ConnectorException.class);
        try (Rig rig = new Rig("lovense")) {
            client.connect(rig.attach()).get(5, TimeUnit.SECONDS);
            assertThat(client.isConnected()).isTrue();
        }
    }

    @Test
    void v3ClientSpeaksV3OnTheWire() throws Exception {
        InProcessConnector.Pair pair = InProcessConnector.pair();
        RawClient server = new RawClient(pair.server());
        ButtplugClient client = ButtplugClient.builder("t").specVersion(SpecVersion.V3).build();
        client.connect(pair.client());
        assertThat(server.await("RequestServerInfo").get("MessageVersion").asInt()).isEqualTo(3);
    }
}
