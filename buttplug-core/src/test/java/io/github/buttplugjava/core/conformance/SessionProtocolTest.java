package io.github.buttplugjava.core.conformance;

import io.github.buttplugjava.testsupport.time.VirtualTime;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.buttplugjava.core.connector.InProcessConnector;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.server.ButtplugServer;
import io.github.buttplugjava.core.server.DeviceManager;
import io.github.buttplugjava.core.server.ServerSession;
import io.github.buttplugjava.core.sim.RecordedCommand;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.github.buttplugjava.core.conformance.RawClient.WAIT;
import static io.github.buttplugjava.core.conformance.RawClient.assertError;
import static io.github.buttplugjava.core.conformance.RawClient.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

/** Session rules on the wire: handshake, versions, ping, bad input, disconnect. */
class SessionProtocolTest {

    private static final String V4_RSI = "[{\"RequestServerInfo\":{\"Id\":1,\"ClientName\":\"t\",\"ProtocolVersionMajor\":4,\"ProtocolVersionMinor\":0}}]";

    @Test
    void handshakeRules() throws Exception {
        try (Rig rig = new Rig("lovense")) {
            RawClient client = rig.raw();
            assertError(client.request(5, "[{\"RequestDeviceList\":{\"Id\":5}}]"), 1);
            assertError(client.request(1, "[{\"RequestServerInfo\":{\"Id\":1,\"ClientName\":\"t\",\"ProtocolVersionMajor\":5,\"ProtocolVersionMinor\":0}}]"), 1);
            RawClient fresh = rig.raw();
            JsonNode info = fresh.request(1, V4_RSI).get("ServerInfo");
            assertThat(info.get("ProtocolVersionMajor").asInt()).isEqualTo(4);
            assertThat(info.get("MaxPingTime").asLong()).isZero();
            assertError(fresh.request(2, V4_RSI.replace("\"Id\":1", "\"Id\":2")), 1);
            assertOk(fresh.request(3, "[{\"Ping\":{\"Id\":3}}]"));
        }
    }

    @Test
    void aClientThatNeverHandshakesIsToldAndHungUpOn() throws Exception {
        try (DeviceManager manager =
                     new DeviceManager(List.of())) {
            VirtualTime time = new VirtualTime();
            ButtplugServer server = ButtplugServer.builder(manager).scheduling(time.scheduling())
                    .handshakeTimeout(Duration.ofMillis(200)).build();
            InProcessConnector.Pair pair =
                    InProcessConnector.pair();
            ServerSession session = server.serve(pair.server());
            RawClient client = new RawClient(pair.client());
            time.advanceMillis(199);
            assertThat(session.isOpen()).as("still waiting for the handshake").isTrue();
            time.advanceMillis(1);
            JsonNode error = client.await("Error");
            assertThat(error.get("Id").asLong()).isZero();
            assertThat(error.get("ErrorCode").asInt()).isEqualTo(1);
            session.closeFuture().get(5, TimeUnit.SECONDS);
            assertThat(server.sessions()).isEmpty();
        }
    }

    @Test
    void v3ClientGetsItsOwnVersion() throws Exception {
        try (Rig rig = new Rig("lovense")) {
            RawClient client = rig.raw();
            JsonNode info = client.request(1, "[{\"RequestServerInfo\":{\"Id\":1,\"ClientName\":\"t\",\"MessageVersion\":3}}]").get("ServerInfo");
            assertThat(info.get("MessageVersion").asInt()).isEqualTo(3);
            assertThat(info.has("ProtocolVersionMajor")).isFalse();
        }
    }

    @Test
    void badInputGetsSpecErrorsAndTheSessionStaysUsable() throws Exception {
        try (Rig rig = new Rig("lovense")) {
            RawClient client = rig.raw();
            client.request(1, V4_RSI);
            assertError(client.request(0, "this is not json"), 3);
            assertError(client.request(0, "[]"), 3);
            assertError(client.request(7, "[{\"NoSuchMessage\":{\"Id\":7}}]"), 3);
            assertOk(client.request(2, "[{\"StartScanning\":{\"Id\":2}}]"));
            client.await("ScanningFinished");
            assertError(client.request(3, "[{\"OutputCmd\":{\"Id\":3,\"DeviceIndex\":0,\"FeatureIndex\":0,\"Command\":{\"Vibrate\":{\"Value\":21}}}}]"), 4);
            assertError(client.request(4, "[{\"OutputCmd\":{\"Id\":4,\"DeviceIndex\":0,\"FeatureIndex\":7,\"Command\":{\"Vibrate\":{\"Value\":1}}}}]"), 4);
            assertError(client.request(5, "[{\"OutputCmd\":{\"Id\":5,\"DeviceIndex\":0,\"FeatureIndex\":0,\"Command\":{\"Rotate\":{\"Value\":1}}}}]"), 4);
            assertError(client.request(6, "[{\"InputCmd\":{\"Id\":6,\"DeviceIndex\":0,\"FeatureIndex\":0,\"Type\":\"Battery\",\"Command\":\"Read\"}}]"), 4);
            assertOk(client.request(8, "[{\"OutputCmd\":{\"Id\":8,\"DeviceIndex\":0,\"FeatureIndex\":0,\"Command\":{\"Vibrate\":{\"Value\":4}}}}]"));
            rig.toy("lovense").awaitOutput(0, c -> c.value() == 4, WAIT);
        }
    }

    @Test
    void v4DeviceEventsAreFullDeviceLists() throws Exception {
        try (Rig rig = new Rig("lovense", "wevibe")) {
            RawClient client = rig.raw();
            client.request(1, V4_RSI);
            assertOk(client.request(2, "[{\"StartScanning\":{\"Id\":2}}]"));
            JsonNode list = client.await("DeviceList", body -> body.get("Devices").size() == 2);
            assertThat(list.get("Id").asLong()).isZero();
            assertThat(list.get("Devices").get("1").get("DeviceName").asText()).isEqualTo("We-Vibe Sync");
            client.await("ScanningFinished");
            rig.sim.unplug(rig.toy("lovense"));
            // the earlier one-device list (only device 0) may still be queued: wait for the one without it
            JsonNode after = client.await("DeviceList",
                    body -> body.get("Devices").size() == 1 && !body.get("Devices").has("0"));
            assertThat(after.get("Devices").has("1")).isTrue();
        }
    }

    @Test
    void pingTimeoutStopsDevicesAndSendsErrorWithIdZero() throws Exception {
        try (Rig rig = new Rig(Duration.ofMillis(150), "lovense", "wevibe")) {
            RawClient other = rig.raw();
            RawClient client = rig.raw();
            assertThat(client.request(1, V4_RSI).get("ServerInfo").get("MaxPingTime").asLong()).isEqualTo(150);
            assertOk(client.request(2, "[{\"StartScanning\":{\"Id\":2}}]"));
            client.await("ScanningFinished");
            assertOk(client.request(3, "[{\"OutputCmd\":{\"Id\":3,\"DeviceIndex\":1,\"FeatureIndex\":0,\"Command\":{\"Vibrate\":{\"Value\":12}}}}]"));
            JsonNode error = client.await("Error", body -> body.get("Id").asLong() == 0);
            assertThat(error.get("ErrorCode").asInt()).isEqualTo(2);
            rig.toy("wevibe").awaitStop(WAIT);
            rig.toy("lovense").awaitStop(WAIT);
            assertError(client.request(4, "[{\"RequestDeviceList\":{\"Id\":4}}]"), 2);
            assertError(client.request(5, V4_RSI.replace("\"Id\":1", "\"Id\":5")), 1);
            assertThat(other.isClosed()).isFalse();
        }
    }

    @Test
    void pingsKeepTheSessionAlive() throws Exception {
        try (Rig rig = new Rig(Duration.ofMillis(400), "lovense")) {
            RawClient client = rig.raw();
            client.request(1, V4_RSI);
            // 15 pings 50 ms apart: 750 ms in all, well past MaxPingTime
            java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
            java.util.concurrent.CompletableFuture<Void> pinged = new java.util.concurrent.CompletableFuture<>();
            java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
            try {
                timer.scheduleAtFixedRate(() -> {
                    int n = sent.incrementAndGet();
                    if (n <= 15) {
                        client.send("[{\"Ping\":{\"Id\":" + (100 + n) + "}}]");
                    } else {
                        pinged.complete(null);
                    }
                }, 0, 50, TimeUnit.MILLISECONDS);
                pinged.get(10, TimeUnit.SECONDS);
            } finally {
                timer.shutdownNow();
            }
            for (int n = 1; n <= 15; n++) {
                assertOk(client.reply(100 + n));
            }
            assertThat(client.request(2, "[{\"RequestDeviceList\":{\"Id\":2}}]").has("DeviceList")).isTrue();
        }
    }

    @Test
    void disconnectStopsWhatTheSessionDroveAndNothingElse() throws Exception {
        try (Rig rig = new Rig("lovense", "wevibe")) {
            RawClient a = rig.raw();
            RawClient b = rig.raw();
            a.request(1, V4_RSI);
            b.request(1, V4_RSI);
            assertOk(a.request(2, "[{\"StartScanning\":{\"Id\":2}}]"));
            a.await("ScanningFinished");
            assertOk(a.request(3, "[{\"OutputCmd\":{\"Id\":3,\"DeviceIndex\":0,\"FeatureIndex\":0,\"Command\":{\"Vibrate\":{\"Value\":12}}}}]"));
            assertOk(b.request(3, "[{\"OutputCmd\":{\"Id\":3,\"DeviceIndex\":1,\"FeatureIndex\":0,\"Command\":{\"Vibrate\":{\"Value\":8}}}}]"));
            a.close();
            rig.toy("lovense").awaitStop(WAIT);
            assertOk(b.request(4, "[{\"Ping\":{\"Id\":4}}]"));
            assertThat(rig.toy("wevibe").commands()).noneMatch(c -> c.kind() == RecordedCommand.Kind.STOP);
            assertThat(rig.toy("wevibe").outputValue(0, OutputType.VIBRATE)).isEqualTo(8);
            // the closed session is gone from the server
            // only a's session ends, wherever it stands in sessions(): wait for whichever ends first
            var running = rig.server.sessions();
            if (running.size() > 1) {
                java.util.concurrent.CompletableFuture.anyOf(running.stream()
                        .map(s -> s.closeFuture()).toArray(java.util.concurrent.CompletableFuture[]::new))
                        .get(5, TimeUnit.SECONDS);
            }
            assertThat(rig.sessions()).hasSize(1);
        }
    }
}
