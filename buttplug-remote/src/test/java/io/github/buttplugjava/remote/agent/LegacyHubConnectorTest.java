package io.github.buttplugjava.remote.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.buttplugjava.core.connector.FrameListener;
import io.github.buttplugjava.core.connector.InProcessConnector;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.server.ButtplugServer;
import io.github.buttplugjava.core.server.DeviceManager;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.testing.HubFixture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a scripted buttplug-js 0.13 hub sees of our agent's server through the legacy connector:
 * no handshake, one DeviceAdded per device under the alias, Ok or a v1 Error for everything it
 * sends, and nothing it would not understand.
 */
class LegacyHubConnectorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<String> atHub = new LinkedBlockingQueue<>();
    private InProcessConnector hub;
    private SimulatedDevices local;
    private DeviceManager devices;
    private ButtplugServer server;

    @BeforeEach
    void link() throws Exception {
        local = HubFixture.sims("lovense");
        devices = new DeviceManager(List.of(local));
        devices.startScanning().get(5, TimeUnit.SECONDS);
        // the scan's toy reaches the manager on the source's executor: wait for it, so the hub hears
        // of it once, in the opening list, not also as a later DeviceAdded
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (devices.deviceList(0).devices().isEmpty() && System.nanoTime() - deadline < 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // bounded poll-until loop
        }
        assertThat(devices.deviceList(0).devices()).hasSize(1);
        server = ButtplugServer.builder(devices).build();
        InProcessConnector.Pair pair = InProcessConnector.pair();
        hub = pair.client();
        hub.connect(new FrameListener() {
            @Override
            public void onFrame(String frame) {
                atHub.add(frame);
            }

            @Override
            public void onClosed(Throwable cause) {
            }
        });
        server.serve(new LegacyHubConnector(pair.server(), "Alice", " - "));
    }

    @AfterEach
    void close() {
        hub.close();
        server.close();
        devices.close();
    }

    private JsonNode next() throws Exception {
        String frame = atHub.poll(5, TimeUnit.SECONDS);
        assertThat(frame).as("a frame at the hub").isNotNull();
        JsonNode root = JSON.readTree(frame);
        assertThat(root.size()).as("one message per frame: " + frame).isEqualTo(1);
        return root.get(0);
    }

    @Test
    void theHubFirstHearsOfTheDeviceAsAForwarderWouldSayIt() throws Exception {
        JsonNode added = next();
        assertThat(added.has("DeviceAdded")).as(added.toString()).isTrue();
        assertThat(added.at("/DeviceAdded/Id").asLong()).isZero();
        assertThat(added.at("/DeviceAdded/DeviceName").asText()).isEqualTo("Alice - Lovense Hush");
        assertThat(added.at("/DeviceAdded/DeviceMessages").has("VibrateCmd")).isTrue();
        Thread.sleep(100); // nothing else follows on its own (no ServerInfo, no DeviceList, no ScanningFinished)
        assertThat(atHub).isEmpty();
    }

    @Test
    void everyCommandIsAnsweredWithItsOwnIdEvenWhenTheHubRepeatsIds() throws Exception {
        int index = next().at("/DeviceAdded/DeviceIndex").asInt();
        SimulatedDevice hush = local.devices().get(0);
        hub.send("[{\"VibrateCmd\":{\"Id\":7,\"DeviceIndex\":" + index + ",\"Speeds\":[{\"Index\":0,\"Speed\":0.5}]}}]");
        assertThat(next().at("/Ok/Id").asLong()).isEqualTo(7);
        assertThat(hush.awaitOutput(0, o -> o.value() != 0, Duration.ofSeconds(5)).value()).isEqualTo(10);
        for (int i = 0; i < 2; i++) { // 0.13's StopAllDevices sends every StopDeviceCmd with Id 1
            hub.send("[{\"StopDeviceCmd\":{\"Id\":1,\"DeviceIndex\":" + index + "}}]");
            assertThat(next().at("/Ok/Id").asLong()).isEqualTo(1);
        }
        assertThat(hush.outputValue(0, OutputType.VIBRATE)).isZero();
    }

    @Test
    void whatAForwarderDoesNotTakeIsRefusedAtOnceWithAV1Error() throws Exception {
        next();
        hub.send("[{\"RequestDeviceList\":{\"Id\":9}}]");
        JsonNode error = next();
        assertThat(error.at("/Error/Id").asLong()).isEqualTo(9);
        assertThat(error.at("/Error/ErrorCode").asInt()).isEqualTo(3);
        hub.send("not json");
        assertThat(next().at("/Error/Id").asLong()).isZero();
    }

    @Test
    void aCommandToAnUnknownDeviceIsAnsweredWithAnError() throws Exception {
        next();
        hub.send("[{\"VibrateCmd\":{\"Id\":5,\"DeviceIndex\":999,\"Speeds\":[{\"Index\":0,\"Speed\":0.5}]}}]");
        JsonNode error = next();
        assertThat(error.has("Error")).as(error.toString()).isTrue();
        assertThat(error.at("/Error/Id").asLong()).isEqualTo(5);
    }
}
