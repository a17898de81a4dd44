package io.github.buttplugjava.remote.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.ForwardingConnector;
import io.github.buttplugjava.core.connector.FrameListener;
import io.github.buttplugjava.core.connector.InProcessConnector;
import io.github.buttplugjava.core.connector.MessageLimits;
import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.DeviceSourceListener;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.testsupport.time.VirtualTime;
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
 * The hub's direct view of a 0.13 forwarder, against a scripted forwarder on an in-process link
 * that delivers on the sender's thread (so every step is done when the call returns) and a
 * virtual clock for the reply deadline: devices from the forwarder's events, one v1 command per
 * output under a wire Id of the link's own, the forwarder's Ok completing it, inputs refused, a
 * deadline and a bound on what waits, and every violation closing the link with its reason.
 */
class ForwarderDevicesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VIBRATOR = "[{\"DeviceAdded\":{\"Id\":0,\"DeviceIndex\":23,\"DeviceName\":\"Alice - Toy\","
            + "\"DeviceMessages\":{\"VibrateCmd\":{\"FeatureCount\":2},\"SingleMotorVibrateCmd\":{},\"StopDeviceCmd\":{}}}}]";
    private static final String ROTATOR = "[{\"DeviceAdded\":{\"Id\":0,\"DeviceIndex\":7,\"DeviceName\":\"Alice - Spinner\","
            + "\"DeviceMessages\":{\"RotateCmd\":{\"FeatureCount\":1},\"StopDeviceCmd\":{}}}}]";
    private static final Duration REPLY_DEADLINE = Duration.ofSeconds(3);
    private static final AgentCaps CAPS = new AgentCaps(4, 32, 60, 64);
    private static final long WAIT_SECONDS = 10;

    private final VirtualTime time = new VirtualTime();
    private final BlockingQueue<String> atForwarder = new LinkedBlockingQueue<>();
    private final BlockingQueue<Device> added = new LinkedBlockingQueue<>();
    private final BlockingQueue<Device> removed = new LinkedBlockingQueue<>();
    private CompletableFuture<Throwable> ended;
    private final List<String> abortReasons = new ArrayList<>();
    private InProcessConnector forwarder;
    private ForwarderDevices devices;

    /** The hub's end of the link, recording why it was aborted. */
    private final class HubEnd extends ForwardingConnector {
        HubEnd(ButtplugConnector link) {
            super(link);
        }

        @Override
        public CompletableFuture<Void> abort(String reason) {
            synchronized (abortReasons) {
                abortReasons.add(reason);
            }
            return super.abort(reason);
        }
    }

    @BeforeEach
    void link() {
        start(MessageLimits.DEFAULT);
    }

    private void start(MessageLimits limits) {
        ended = new CompletableFuture<>();
        InProcessConnector.Pair pair = InProcessConnector.pair(Runnable::run);
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
        devices = new ForwarderDevices(new HubEnd(pair.server()), VIBRATOR, REPLY_DEADLINE, 1 << 20, CAPS, limits,
                time.scheduling(Runnable::run), ended::complete);
        devices.start(new DeviceSourceListener() {
            @Override
            public void deviceAdded(Device device) {
                added.add(device);
            }

            @Override
            public void deviceRemoved(Device device) {
                removed.add(device);
            }
        });
    }

    @AfterEach
    void close() {
        forwarder.close();
    }

    private Device nextAdded() throws InterruptedException {
        Device d = added.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(d).as("a device added").isNotNull();
        return d;
    }

    private JsonNode nextAtForwarder() throws Exception {
        String frame = atForwarder.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(frame).as("a frame at the forwarder").isNotNull();
        JsonNode root = JSON.readTree(frame);
        assertThat(root.size()).as("one message per frame: " + frame).isEqualTo(1);
        return root.get(0);
    }

    private static long idOf(JsonNode message) {
        return message.elements().next().path("Id").asLong();
    }

    private void ok(long id) {
        forwarder.send("[{\"Ok\":{\"Id\":" + id + "}}]");
    }

    private Throwable endedCause() throws Exception {
        return ended.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private List<String> aborts() {
        synchronized (abortReasons) {
            return List.copyOf(abortReasons);
        }
    }

    @Test
    void theFirstFramesDeviceIsAddedAndAnOutputIsOneV1VibrateCmdCompletedByItsOk() throws Exception {
        Device toy = nextAdded();
        assertThat(toy.name()).isEqualTo("Alice - Toy");
        assertThat(toy.features()).hasSize(2);

        CompletableFuture<Void> vibrated = toy.output(1, OutputCommand.of(OutputType.VIBRATE, 50));
        JsonNode cmd = nextAtForwarder();
        assertThat(cmd.at("/VibrateCmd/DeviceIndex").asInt()).isEqualTo(23);
        assertThat(cmd.at("/VibrateCmd/Speeds").size()).isEqualTo(1);
        assertThat(cmd.at("/VibrateCmd/Speeds/0/Index").asInt()).isEqualTo(1);
        assertThat(cmd.at("/VibrateCmd/Speeds/0/Speed").asDouble()).isEqualTo(0.5);
        assertThat(vibrated).isNotDone();
        ok(idOf(cmd));
        vibrated.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(devices.waitingCommands()).isZero();
    }

    @Test
    void everyCommandOnTheLinkHasItsOwnIdStopsIncludedAndRepliesMayComeInAnyOrder() throws Exception {
        Device toy = nextAdded();
        forwarder.send(ROTATOR);
        Device spinner = nextAdded();
        List<CompletableFuture<Void>> done = List.of(toy.output(0, OutputCommand.of(OutputType.VIBRATE, 30)),
                spinner.output(0, OutputCommand.of(OutputType.ROTATE, 60)), toy.stop(), spinner.stop());
        List<JsonNode> sent = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sent.add(nextAtForwarder());
        }
        assertThat(sent).filteredOn(m -> m.has("StopDeviceCmd")).hasSize(2);
        List<Long> ids = sent.stream().map(ForwarderDevicesTest::idOf).toList();
        assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).isPositive());

        for (int i = ids.size() - 1; i >= 0; i--) {
            ok(ids.get(i));
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(WAIT_SECONDS, TimeUnit.SECONDS);
        ok(ids.get(0)); // a late duplicate is ignored
        assertThat(forwarder.isConnected()).isTrue();
        assertThat(aborts()).isEmpty();
    }

    @Test
    void inputsAreRefusedWithoutAskingTheForwarder() throws Exception {
        Device toy = nextAdded();
        assertThatThrownBy(() -> toy.read(0, InputType.BATTERY).get(WAIT_SECONDS, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ButtplugDeviceException.class)
                .hasMessageContaining("0.13 forwarder");
        assertThat(toy.subscribe(0, InputType.BATTERY, v -> { })).isCompletedExceptionally();
        assertThat(atForwarder).isEmpty();
    }

    @Test
    void aCommandTheForwarderNeverAnswersFailsAtItsDeadlineAndIsForgotten() throws Exception {
        Device toy = nextAdded();
        CompletableFuture<Void> vibrated = toy.output(0, OutputCommand.of(OutputType.VIBRATE, 20));
        long id = idOf(nextAtForwarder());
        time.advance(REPLY_DEADLINE.minusMillis(1));
        assertThat(vibrated).isNotDone();
        time.advance(Duration.ofMillis(1));
        assertThatThrownBy(() -> vibrated.get(WAIT_SECONDS, TimeUnit.SECONDS)).hasCauseInstanceOf(ButtplugDeviceException.class)
                .hasMessageContaining("did not answer");
        assertThat(devices.waitingCommands()).isZero();
        ok(id); // too late: nothing waits for it
        assertThat(forwarder.isConnected()).isTrue();
        // the feature's slot is free again: the next command goes out
        toy.output(0, OutputCommand.of(OutputType.VIBRATE, 10));
        nextAtForwarder();
    }

    @Test
    void atMostMaxInFlightCommandsWaitForTheForwarder() throws Exception {
        Device toy = nextAdded();
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (int i = 0; i < ForwarderWire.MAX_IN_FLIGHT + 10; i++) {
            sent.add(toy.stop()); // a device's stop is never coalesced: each is a command
        }
        assertThat(devices.waitingCommands()).isEqualTo(ForwarderWire.MAX_IN_FLIGHT);
        assertThat(atForwarder).hasSize(ForwarderWire.MAX_IN_FLIGHT);
        assertThat(sent.subList(ForwarderWire.MAX_IN_FLIGHT, sent.size())).allSatisfy(f ->
                assertThatThrownBy(f::join).hasMessageContaining("too many commands wait"));
        ok(idOf(nextAtForwarder()));
        assertThat(sent.get(0)).isDone();
        assertThat(devices.waitingCommands()).isEqualTo(ForwarderWire.MAX_IN_FLIGHT - 1);
        assertThat(toy.stop()).isNotDone(); // room again, so the stop goes out
        assertThat(devices.waitingCommands()).isEqualTo(ForwarderWire.MAX_IN_FLIGHT);
    }

    @Test
    void devicesFollowTheForwardersEventsAndARemovedDevicesCommandsFail() throws Exception {
        Device toy = nextAdded();
        forwarder.send(ROTATOR);
        Device spinner = nextAdded();
        forwarder.send("[{\"DeviceRemoved\":{\"Id\":0,\"DeviceIndex\":23}}]");
        assertThat(removed.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isSameAs(toy);
        assertThatThrownBy(() -> toy.output(0, OutputCommand.of(OutputType.VIBRATE, 10)).get(WAIT_SECONDS, TimeUnit.SECONDS))
                .hasMessageContaining("is gone");
        assertThat(atForwarder).isEmpty();
        assertThat(removed).isEmpty();
        assertThat(spinner.features()).hasSize(1);
    }

    @Test
    void whenTheLinkEndsWaitingCommandsFailAndDevicesLeaveAtOnce() throws Exception {
        Device toy = nextAdded();
        CompletableFuture<Void> vibrated = toy.output(0, OutputCommand.of(OutputType.VIBRATE, 50));
        nextAtForwarder();
        forwarder.close();
        assertThat(vibrated).isCompletedExceptionally();
        assertThatThrownBy(vibrated::join).hasCauseInstanceOf(ButtplugDeviceException.class);
        assertThat(removed.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isSameAs(toy);
        endedCause();
        assertThat(devices.waitingCommands()).isZero();
    }

    @Test
    void closingStopsEveryDeviceWithItsOwnStopDeviceCmdThenClosesTheLink() throws Exception {
        nextAdded();
        forwarder.send(ROTATOR);
        nextAdded();
        devices.close();
        List<JsonNode> stops = List.of(nextAtForwarder(), nextAtForwarder());
        assertThat(stops).allSatisfy(s -> assertThat(s.has("StopDeviceCmd")).as(s.toString()).isTrue());
        assertThat(stops).extracting(s -> s.at("/StopDeviceCmd/DeviceIndex").asInt()).containsExactlyInAnyOrder(23, 7);
        ok(idOf(stops.get(0)));
        assertThat(ended).isNotDone();
        ok(idOf(stops.get(1)));
        endedCause();
        assertThat(forwarder.isConnected()).isFalse();
    }

    @Test
    void aFrameThatIsNotSpecV1ClosesTheLinkWithTheReason() throws Exception {
        nextAdded();
        forwarder.send("[{\"DeviceAdded\":{\"Id\":0,\"DeviceIndex\":\"not a number\"}}]");
        endedCause();
        assertThat(aborts()).singleElement().asString().startsWith("invalid spec v1 message from the forwarder");
    }

    @Test
    void aFrameOfMoreMessagesThanAForwarderSendsClosesTheLink() throws Exception {
        nextAdded();
        StringBuilder frame = new StringBuilder("[");
        for (int i = 0; i <= ForwarderDevices.MAX_MESSAGES_PER_FRAME; i++) {
            frame.append(i == 0 ? "" : ",").append("{\"Ok\":{\"Id\":").append(i + 1).append("}}");
        }
        forwarder.send(frame.append(']').toString());
        endedCause();
        assertThat(aborts()).containsExactly("more than 64 messages in one frame");
    }

    @Test
    void aForwarderSharingMoreDevicesThanTheCapIsClosed() throws Exception {
        nextAdded();
        for (int i = 100; i < 104; i++) { // the cap is 4; the vibrator is the first
            forwarder.send(VIBRATOR.replace("\"DeviceIndex\":23", "\"DeviceIndex\":" + i));
        }
        endedCause();
        assertThat(aborts()).singleElement().asString().contains("more than 4 devices");
    }

    @Test
    void aDeviceWithMoreFeaturesThanTheCapIsClosed() throws Exception {
        nextAdded();
        forwarder.send(VIBRATOR.replace("\"DeviceIndex\":23", "\"DeviceIndex\":1").replace("\"FeatureCount\":2",
                "\"FeatureCount\":33"));
        endedCause();
        assertThat(aborts()).singleElement().asString().contains("33 features; the most is 32");
    }

    @Test
    void aForwarderSendingUnaskedMessagesFasterThanTheLimitIsClosed() throws Exception {
        forwarder.close();
        added.clear();
        start(new MessageLimits(64, 10, 20, 256, 1 << 20, 1));
        nextAdded();
        for (int i = 0; i < 20 && forwarder.isConnected(); i++) { // the first device took one of the 20
            ok(1000 + i);
        }
        endedCause();
        assertThat(aborts()).containsExactly("the forwarder sends more than 10 messages per second unasked");
    }
}
