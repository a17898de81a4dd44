package io.github.buttplugjava.remote.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.client.ButtplugClientListener;
import io.github.buttplugjava.core.connector.FrameListener;
import io.github.buttplugjava.core.connector.InProcessConnector;
import io.github.buttplugjava.core.message.InputCmd;
import io.github.buttplugjava.core.message.InputCommandType;
import io.github.buttplugjava.core.message.InputType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hub's view of a 0.13 forwarder, against a scripted forwarder on an in-process link: v1
 * frames both ways, the forwarder's devices as the hub client's devices, wire Ids of the
 * connector's own, a stop of every device fanned out, inputs refused, and a closing link failing
 * what waits at once.
 */
class ForwarderConnectorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VIBRATOR = "[{\"DeviceAdded\":{\"Id\":0,\"DeviceIndex\":23,\"DeviceName\":\"Alice - Toy\","
            + "\"DeviceMessages\":{\"VibrateCmd\":{\"FeatureCount\":2},\"SingleMotorVibrateCmd\":{},\"StopDeviceCmd\":{}}}}]";
    private static final String ROTATOR = "[{\"DeviceAdded\":{\"Id\":0,\"DeviceIndex\":7,\"DeviceName\":\"Alice - Spinner\","
            + "\"DeviceMessages\":{\"RotateCmd\":{\"FeatureCount\":1},\"StopDeviceCmd\":{}}}}]";
    /** Long, so a command that fails here failed because of the link, not its deadline. */
    private static final Duration REPLY_DEADLINE = Duration.ofSeconds(60);

    private final BlockingQueue<String> atForwarder = new LinkedBlockingQueue<>();
    private final CompletableFuture<Throwable> hubClientGone = new CompletableFuture<>();
    private InProcessConnector forwarder;
    private ButtplugClient hub;

    @BeforeEach
    void link() throws Exception {
        InProcessConnector.Pair pair = InProcessConnector.pair();
        forwarder = pair.client();
        forwarder.connect(new FrameListener() {
            @Override
            public void onFrame(String frame) {
                atForwarder.add(frame);
            }

            @Override
            public void onClosed(Throwable cause) {
            }
        });
        hub = ButtplugClient.builder("hub").requestTimeout(REPLY_DEADLINE).fallbackToV3(false).build();
        hub.addListener(new ButtplugClientListener() {
            @Override
            public void disconnected(Throwable cause) {
                hubClientGone.complete(cause);
            }
        });
        hub.connect(new ForwarderConnector(pair.server(), VIBRATOR, REPLY_DEADLINE, 1 << 20, 4)).get(5, TimeUnit.SECONDS);
        awaitDevices(1);
    }

    @AfterEach
    void close() {
        hub.disconnect();
        forwarder.close();
    }

    private void awaitDevices(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (hub.devices().size() != count) {
            assertThat(System.nanoTime()).as("devices: " + hub.devices()).isLessThan(deadline);
            Thread.sleep(5); // bounded poll until the device event is delivered
        }
    }

    private JsonNode nextAtForwarder() throws Exception {
        String frame = atForwarder.poll(5, TimeUnit.SECONDS);
        assertThat(frame).as("a frame at the forwarder").isNotNull();
        JsonNode root = JSON.readTree(frame);
        assertThat(root.size()).as("one message per frame: " + frame).isEqualTo(1);
        return root.get(0);
    }

    private void ok(long id) {
        forwarder.send("[{\"Ok\":{\"Id\":" + id + "}}]");
    }

    @Test
    void theForwardersDeviceIsTheHubClientsDeviceAndAVibrationIsAV1VibrateCmd() throws Exception {
        ButtplugClientDevice toy = hub.devices().get(0);
        assertThat(toy.name()).isEqualTo("Alice - Toy");
        assertThat(toy.features()).hasSize(2);

        CompletableFuture<Void> vibrated = toy.vibrate(0.5);
        // one VibrateCmd per motor
        List<JsonNode> cmds = List.of(nextAtForwarder(), nextAtForwarder());
        assertThat(cmds).allSatisfy(cmd -> {
            assertThat(cmd.has("VibrateCmd")).as(cmd.toString()).isTrue();
            assertThat(cmd.at("/VibrateCmd/DeviceIndex").asInt()).isEqualTo(23);
            assertThat(cmd.at("/VibrateCmd/Speeds/0/Speed").asDouble()).isEqualTo(0.5);
        });
        assertThat(cmds).extracting(cmd -> cmd.at("/VibrateCmd/Speeds/0/Index").asInt()).containsExactlyInAnyOrder(0, 1);
        assertThat(vibrated).isNotDone();
        cmds.forEach(cmd -> ok(cmd.at("/VibrateCmd/Id").asLong()));
        vibrated.get(5, TimeUnit.SECONDS);
    }

    @Test
    void everyCommandOnTheLinkHasItsOwnIdAndRepliesMayComeInAnyOrder() throws Exception {
        forwarder.send(ROTATOR);
        awaitDevices(2);
        ButtplugClientDevice toy = hub.devices().stream().filter(d -> d.name().endsWith("Toy")).findFirst().orElseThrow();
        ButtplugClientDevice spinner = hub.devices().stream().filter(d -> d.name().endsWith("Spinner")).findFirst().orElseThrow();
        CompletableFuture<Void> first = toy.vibrate(0.3);
        CompletableFuture<Void> second = spinner.rotate(0.6, true);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) { // two motors and a rotator
            ids.add(nextAtForwarder().elements().next().path("Id").asLong());
        }
        assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).isPositive());

        for (int i = ids.size() - 1; i >= 0; i--) {
            ok(ids.get(i));
        }
        CompletableFuture.allOf(first, second).get(5, TimeUnit.SECONDS);
        ok(ids.get(0)); // a late duplicate is ignored
        assertThat(hub.isConnected()).isTrue();
    }

    @Test
    void aStopOfEveryDeviceIsOneStopDeviceCmdPerDeviceAndCompletesWhenAllAreAnswered() throws Exception {
        forwarder.send(ROTATOR);
        awaitDevices(2);
        CompletableFuture<Void> stopped = hub.stopAll();
        List<JsonNode> stops = List.of(nextAtForwarder(), nextAtForwarder());
        assertThat(stops).allSatisfy(s -> assertThat(s.has("StopDeviceCmd")).as(s.toString()).isTrue());
        assertThat(stops).extracting(s -> s.at("/StopDeviceCmd/DeviceIndex").asInt()).containsExactlyInAnyOrder(23, 7);
        List<Long> ids = new ArrayList<>();
        stops.forEach(s -> ids.add(s.at("/StopDeviceCmd/Id").asLong()));
        assertThat(ids.get(0)).isNotEqualTo(ids.get(1));

        ok(ids.get(0));
        Thread.sleep(50); // give a wrong early completion the chance to show
        assertThat(stopped).isNotDone();
        ok(ids.get(1));
        stopped.get(5, TimeUnit.SECONDS);
    }

    @Test
    void inputsAreRefusedWithoutAskingTheForwarder() throws Exception {
        CompletableFuture<?> read = hub.request(new InputCmd(1, 23, 0, InputType.BATTERY, InputCommandType.READ));
        assertThatThrownBy(() -> read.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ButtplugDeviceException.class).hasMessageContaining("0.13 forwarder");
        assertThat(atForwarder).isEmpty();
    }

    @Test
    void aDeviceRemovedLeavesTheHubClientsList() throws Exception {
        forwarder.send("[{\"DeviceRemoved\":{\"Id\":0,\"DeviceIndex\":23}}]");
        awaitDevices(0);
    }

    @Test
    void whenTheLinkClosesAWaitingCommandFailsAtOnceAndTheHubClientHearsIt() throws Exception {
        CompletableFuture<Void> vibrated = hub.devices().get(0).vibrate(0.5);
        nextAtForwarder();
        forwarder.close();
        assertThatThrownBy(() -> vibrated.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        hubClientGone.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aForwarderSharingMoreDevicesThanTheCapIsClosed() throws Exception {
        for (int i = 100; i < 104; i++) { // the cap is 4; the vibrator is the first
            forwarder.send(VIBRATOR.replace("\"DeviceIndex\":23", "\"DeviceIndex\":" + i));
        }
        hubClientGone.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aFrameOfMoreMessagesThanAForwarderSendsClosesTheLink() throws Exception {
        StringBuilder frame = new StringBuilder("[");
        for (int i = 0; i <= ForwarderConnector.MAX_MESSAGES_PER_FRAME; i++) {
            frame.append(i == 0 ? "" : ",").append("{\"Ok\":{\"Id\":").append(i + 1).append("}}");
        }
        forwarder.send(frame.append(']').toString());
        hubClientGone.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aFrameThatIsNotSpecV1ClosesTheLink() throws Exception {
        forwarder.send("[{\"DeviceAdded\":{\"Id\":0,\"DeviceIndex\":\"not a number\"}}]");
        hubClientGone.get(5, TimeUnit.SECONDS);
        assertThat(hub.isConnected()).isFalse();
    }
}
