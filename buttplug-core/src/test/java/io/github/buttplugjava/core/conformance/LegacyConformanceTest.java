package io.github.buttplugjava.core.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.RecordedCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.github.buttplugjava.core.conformance.RawClient.WAIT;
import static io.github.buttplugjava.core.conformance.RawClient.assertError;
import static io.github.buttplugjava.core.conformance.RawClient.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spec v0, v1 and v2 clients (raw frames, as nobody writes those clients any more) against our
 * server: handshake, scan, enumerate, their command types, battery, stop, device removal.
 */
class LegacyConformanceTest {

    private final Rig rig = new Rig("lovense", "wevibe", "rotator", "stroker");

    @AfterEach
    void close() {
        rig.close();
    }

    /** Scans and returns the DeviceAdded bodies, in index order. */
    private static List<JsonNode> scan(RawClient client) throws Exception {
        assertOk(client.request(2, "[{\"StartScanning\":{\"Id\":2}}]"));
        List<JsonNode> added = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            JsonNode body = client.await("DeviceAdded");
            assertThat(body.get("Id").asLong()).isZero();
            added.add(body);
        }
        assertThat(client.await("ScanningFinished").get("Id").asLong()).isZero();
        added.sort((a, b) -> a.get("DeviceIndex").asInt() - b.get("DeviceIndex").asInt());
        return added;
    }

    @Test
    void v0() throws Exception {
        RawClient client = rig.raw();
        JsonNode info = client.request(1, "[{\"RequestServerInfo\":{\"Id\":1,\"ClientName\":\"v0 client\"}}]").get("ServerInfo");
        assertThat(info.get("MessageVersion").asInt()).isZero();
        assertThat(info.has("MajorVersion")).isTrue();
        assertThat(info.get("ServerName").asText()).isEqualTo("Conformance Server");
        List<JsonNode> added = scan(client);
        assertThat(added.get(0).get("DeviceName").asText()).isEqualTo("Lovense Hush");
        assertThat(added.get(0).get("DeviceMessages").isArray()).isTrue();
        assertThat(added.get(0).get("DeviceMessages").toString()).contains("SingleMotorVibrateCmd", "StopDeviceCmd");

        JsonNode list = client.request(3, "[{\"RequestDeviceList\":{\"Id\":3}}]").get("DeviceList");
        assertThat(list.get("Devices")).hasSize(4);

        assertOk(client.request(4, "[{\"SingleMotorVibrateCmd\":{\"Id\":4,\"DeviceIndex\":1,\"Speed\":0.5}}]"));
        rig.toy("wevibe").awaitOutput(0, c -> c.value() == 10, WAIT);
        rig.toy("wevibe").awaitOutput(1, c -> c.value() == 10, WAIT);
        assertOk(client.request(5, "[{\"StopDeviceCmd\":{\"Id\":5,\"DeviceIndex\":1}}]"));
        rig.toy("wevibe").awaitStop(WAIT);
        assertOk(client.request(6, "[{\"SingleMotorVibrateCmd\":{\"Id\":6,\"DeviceIndex\":0,\"Speed\":0.1}}]"));
        rig.toy("lovense").awaitOutput(0, c -> c.value() == 2, WAIT);
        assertOk(client.request(7, "[{\"StopAllDevices\":{\"Id\":7}}]"));
        rig.toy("lovense").awaitStop(WAIT);
        assertError(client.request(8, "[{\"SingleMotorVibrateCmd\":{\"Id\":8,\"DeviceIndex\":9,\"Speed\":0.5}}]"), 4);

        rig.sim.unplug(rig.toy("rotator"));
        assertThat(client.await("DeviceRemoved").get("DeviceIndex").asInt()).isEqualTo(2);
    }

    @Test
    void v1() throws Exception {
        RawClient client = rig.raw();
        JsonNode info = client.request(1, "[{\"RequestServerInfo\":{\"Id\":1,\"ClientName\":\"v1\",\"MessageVersion\":1}}]").get("ServerInfo");
        assertThat(info.get("MessageVersion").asInt()).isEqualTo(1);
        List<JsonNode> added = scan(client);
        assertThat(added.get(1).get("DeviceMessages").get("VibrateCmd").get("FeatureCount").asInt()).isEqualTo(2);

        assertOk(client.request(3, "[{\"VibrateCmd\":{\"Id\":3,\"DeviceIndex\":1,\"Speeds\":[{\"Index\":1,\"Speed\":0.75}]}}]"));
        rig.toy("wevibe").awaitOutput(1, c -> c.value() == 15, WAIT);
        assertThat(rig.toy("wevibe").outputs(0)).isEmpty();
        assertOk(client.request(4, "[{\"RotateCmd\":{\"Id\":4,\"DeviceIndex\":2,\"Rotations\":[{\"Index\":0,\"Speed\":0.5,\"Clockwise\":false}]}}]"));
        rig.toy("rotator").awaitOutput(0, c -> c.type() == OutputType.ROTATE && c.value() == -10, WAIT);
        assertOk(client.request(5, "[{\"LinearCmd\":{\"Id\":5,\"DeviceIndex\":3,\"Vectors\":[{\"Index\":0,\"Duration\":300,\"Position\":0.9}]}}]"));
        rig.toy("stroker").awaitOutput(0, c -> c.type() == OutputType.HW_POSITION_WITH_DURATION
                && c.value() == 90 && c.durationMs() == 300, WAIT);
        assertError(client.request(6, "[{\"VibrateCmd\":{\"Id\":6,\"DeviceIndex\":1,\"Speeds\":[{\"Index\":5,\"Speed\":0.5}]}}]"), 4);
        assertOk(client.request(7, "[{\"StopAllDevices\":{\"Id\":7}}]"));
        rig.toy("stroker").awaitStop(WAIT);
    }

    @Test
    void v2() throws Exception {
        RawClient client = rig.raw();
        JsonNode info = client.request(1, "[{\"RequestServerInfo\":{\"Id\":1,\"ClientName\":\"v2\",\"MessageVersion\":2}}]").get("ServerInfo");
        assertThat(info.get("MessageVersion").asInt()).isEqualTo(2);
        assertThat(info.has("MajorVersion")).isFalse();
        List<JsonNode> added = scan(client);
        assertThat(added.get(0).get("DeviceMessages").get("VibrateCmd").get("StepCount").get(0).asInt()).isEqualTo(20);
        assertThat(added.get(0).get("DeviceMessages").has("BatteryLevelCmd")).isTrue();

        JsonNode battery = client.request(3, "[{\"BatteryLevelCmd\":{\"Id\":3,\"DeviceIndex\":0}}]").get("BatteryLevelReading");
        assertThat(battery.get("BatteryLevel").asDouble()).isEqualTo(0.9);
        assertOk(client.request(4, "[{\"VibrateCmd\":{\"Id\":4,\"DeviceIndex\":0,\"Speeds\":[{\"Index\":0,\"Speed\":0.5}]}}]"));
        rig.toy("lovense").awaitOutput(0, c -> c.value() == 10, WAIT);
        assertOk(client.request(5, "[{\"StopDeviceCmd\":{\"Id\":5,\"DeviceIndex\":0}}]"));
        rig.toy("lovense").awaitStop(WAIT);
        assertThat(rig.toy("lovense").commands()).anyMatch(c -> c.kind() == RecordedCommand.Kind.READ);
        rig.sim.unplug(rig.toy("lovense"));
        assertThat(client.await("DeviceRemoved").get("DeviceIndex").asInt()).isZero();
    }
}
