package io.github.buttplugjava.btle.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.buttplugjava.btle.BleDeviceSource;
import io.github.buttplugjava.core.connector.FrameListener;
import io.github.buttplugjava.core.connector.InProcessConnector;
import io.github.buttplugjava.core.server.ButtplugServer;
import io.github.buttplugjava.core.server.DeviceManager;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.github.buttplugjava.btle.conformance.Yaml.list;
import static io.github.buttplugjava.btle.conformance.Yaml.map;
import static io.github.buttplugjava.btle.conformance.Yaml.number;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends the abstract messages as JSON frames of one spec version (v4 OutputCmd/InputCmd/StopCmd;
 * v3 ScalarCmd/VibrateCmd/RotateCmd/LinearCmd/SensorReadCmd/StopDeviceCmd; v2/v1 VibrateCmd,
 * RotateCmd, LinearCmd, BatteryLevelCmd; v0 SingleMotorVibrateCmd) through the real
 * {@link ButtplugServer} and {@link DeviceManager} over an in-process connector, as a client of that
 * version would.
 */
final class ServerDriver implements CaseDriver {

    private static final long WAIT_MS = 3000;
    private static final Duration V4_BATCH_WINDOW = Duration.ofMillis(40);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int version;
    private final AtomicLong ids = new AtomicLong();
    /** The frame a v4 step's output commands gather in, or null to send each at once. */
    private ArrayNode packing;
    private final Map<Long, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private final Map<Integer, JsonNode> devices = new LinkedHashMap<>();
    private final List<Integer> order = new ArrayList<>();
    private DeviceManager manager;
    private ButtplugServer server;
    private InProcessConnector client;

    ServerDriver(int version) {
        if (version < 0 || version > 4) {
            throw new IllegalArgumentException("spec version " + version + " does not exist");
        }
        this.version = version;
    }

    @Override
    public int specVersion() {
        return version;
    }

    /** Spec v4 sends one OutputCmd per feature: a window coalesces them; older versions send one message. */
    @Override
    public Duration batchWindow() {
        return version == 4 ? V4_BATCH_WINDOW : Duration.ZERO;
    }

    @Override
    public void start(BleDeviceSource source) throws Exception {
        manager = DeviceManager.of(source);
        server = ButtplugServer.builder(manager).name("conformance").build();
        InProcessConnector.Pair pair = InProcessConnector.pair();
        server.serve(pair.server());
        client = pair.client();
        client.connect(new FrameListener() {
            @Override
            public void onFrame(String frame) {
                received(frame);
            }

            @Override
            public void onClosed(Throwable cause) {
            }
        }).get(WAIT_MS, TimeUnit.MILLISECONDS);
        ObjectNode hello = JSON.createObjectNode().put("ClientName", "conformance");
        if (version == 4) {
            hello.put("ProtocolVersionMajor", 4).put("ProtocolVersionMinor", 0);
        } else if (version > 0) {
            hello.put("MessageVersion", version);
        }
        expect(request("RequestServerInfo", hello), "ServerInfo");
        expect(request("StartScanning", JSON.createObjectNode()), "Ok");
    }

    private void received(String frame) {
        try {
            for (JsonNode message : JSON.readTree(frame)) {
                JsonNode body = message.elements().next();
                long id = body.path("Id").asLong();
                CompletableFuture<JsonNode> waiter = id == 0 ? null : replies.remove(id);
                if (waiter != null) {
                    waiter.complete(message);
                } else {
                    events.add(message);
                }
            }
        } catch (Exception e) {
            events.add(JSON.createObjectNode().put("Unparsable", frame));
        }
    }

    private CompletableFuture<JsonNode> request(String type, ObjectNode body) {
        long id = ids.incrementAndGet();
        body.put("Id", id);
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        replies.put(id, reply);
        if (packing != null) {
            packing.addObject().set(type, body);
        } else {
            ArrayNode frame = JSON.createArrayNode();
            frame.addObject().set(type, body);
            client.send(frame.toString());
        }
        return reply.orTimeout(WAIT_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * Sends the output commands of one test step in one frame: the server reads them back to back,
     * so they reach the device well inside its batch window whatever the machine's load (sent as
     * separate frames, a loaded machine could deliver the second one after the window closed).
     */
    private void sendPacked() {
        ArrayNode frame = packing;
        packing = null;
        if (frame != null && !frame.isEmpty()) {
            client.send(frame.toString());
        }
    }

    private static JsonNode expect(CompletableFuture<JsonNode> reply, String type) throws Exception {
        JsonNode message = reply.get(WAIT_MS + 500, TimeUnit.MILLISECONDS);
        assertThat(message.has(type)).as("reply %s", message).isTrue();
        return message.get(type);
    }

    @Override
    public List<AddedDevice> awaitDevices(int count, long timeoutMs) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (order.size() < count) {
            long left = deadline - System.nanoTime();
            JsonNode event = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
            if (event == null) {
                break;
            }
            if (event.has("DeviceList")) {
                Iterator<JsonNode> it = event.get("DeviceList").path("Devices").elements();
                while (it.hasNext()) {
                    add(it.next());
                }
            } else if (event.has("DeviceAdded")) {
                add(event.get("DeviceAdded"));
            }
        }
        List<AddedDevice> out = new ArrayList<>();
        for (int index : order) {
            JsonNode d = devices.get(index);
            out.add(new AddedDevice(d.path("DeviceName").asText(),
                    d.hasNonNull("DeviceDisplayName") ? d.get("DeviceDisplayName").asText() : null));
        }
        return out;
    }

    private void add(JsonNode device) {
        int index = device.path("DeviceIndex").asInt();
        if (devices.put(index, device) == null) {
            order.add(index);
        }
    }

    @Override
    public CompletableFuture<?> send(int testIndex, Tagged message) throws Exception {
        int deviceIndex = order.get(testIndex);
        return switch (version) {
            case 4 -> sendV4(deviceIndex, message);
            case 3 -> sendV3(deviceIndex, message);
            default -> sendOld(deviceIndex, message);
        };
    }

    private CompletableFuture<?> sendV4(int deviceIndex, Tagged message) throws Exception {
        List<JsonNode> features = new ArrayList<>();
        devices.get(deviceIndex).path("DeviceFeatures").elements().forEachRemaining(features::add);
        List<CompletableFuture<JsonNode>> sent = new ArrayList<>();
        packing = message.tag().equals("Battery") ? null : JSON.createArrayNode();
        switch (message.tag()) {
            case "Vibrate" -> {
                List<JsonNode> vibes = withOutput(features, "Vibrate");
                for (Object o : list(message.value())) {
                    Map<String, Object> m = map(o);
                    sent.add(output(deviceIndex, vibes.get(((Number) m.get("Index")).intValue()), "Vibrate",
                            number(m.get("Speed"))));
                }
            }
            case "Scalar" -> {
                List<JsonNode> scalars = features.stream().filter(f -> {
                    JsonNode out = f.path("Output");
                    return out.has("Vibrate") || out.has("Oscillate") || out.has("Constrict")
                            || (out.has("Rotate") && out.get("Rotate").path("Value").get(0).asInt() >= 0);
                }).toList();
                for (Object o : list(message.value())) {
                    Map<String, Object> m = map(o);
                    int i = ((Number) m.get("Index")).intValue();
                    sent.add(output(deviceIndex, i < scalars.size() ? scalars.get(i) : features.get(0),
                            String.valueOf(m.get("ActuatorType")), number(m.get("Scalar"))));
                }
            }
            case "Rotate" -> {
                List<JsonNode> rotators = withOutput(features, "Rotate");
                for (Object o : list(message.value())) {
                    Map<String, Object> m = map(o);
                    double speed = number(m.get("Speed")) * (Boolean.TRUE.equals(m.get("Clockwise")) ? 1 : -1);
                    sent.add(output(deviceIndex, rotators.get(((Number) m.get("Index")).intValue()), "Rotate", speed));
                }
            }
            case "Linear" -> {
                for (Object o : list(message.value())) {
                    Map<String, Object> m = map(o);
                    int featureIndex = ((Number) m.get("Index")).intValue();
                    JsonNode f = features.stream().filter(x -> x.path("FeatureIndex").asInt() == featureIndex)
                            .findFirst().orElseThrow();
                    int steps = f.path("Output").path("HwPositionWithDuration").path("Value").get(1).asInt();
                    ObjectNode command = JSON.createObjectNode();
                    command.putObject("HwPositionWithDuration")
                            .put("Value", (int) Math.ceil(number(m.get("Position")) * steps))
                            .put("Duration", ((Number) m.get("Duration")).longValue());
                    sent.add(request("OutputCmd", JSON.createObjectNode().put("DeviceIndex", deviceIndex)
                            .put("FeatureIndex", featureIndex).set("Command", command)));
                }
            }
            case "Battery" -> {
                JsonNode battery = features.stream().filter(f -> f.path("Input").has("Battery")).findFirst().orElseThrow();
                double expected = number(map(message.value()).get("expected_power"));
                CompletableFuture<?> check = request("InputCmd", JSON.createObjectNode().put("DeviceIndex", deviceIndex)
                        .put("FeatureIndex", battery.path("FeatureIndex").asInt()).put("Type", "Battery").put("Command", "Read"))
                        .thenAccept(reply -> assertThat(reply.path("InputReading").path("Reading").path("Battery")
                                .path("Value").asInt() / 100.0).as("battery reply %s", reply).isEqualTo(expected));
                if (Boolean.TRUE.equals(map(message.value()).get("run_async"))) {
                    return check;
                }
                check.get(WAIT_MS + 500, TimeUnit.MILLISECONDS);
            }
            case "Stop" -> sent.add(request("StopCmd", JSON.createObjectNode().put("DeviceIndex", deviceIndex)));
            default -> {
                packing = null;
                throw new UnsupportedOperationException("test message " + message.tag() + " is not supported");
            }
        }
        sendPacked();
        for (CompletableFuture<JsonNode> reply : sent) {
            expect(reply, "Ok");
        }
        return null;
    }

    private CompletableFuture<JsonNode> output(int deviceIndex, JsonNode feature, String type, double value) {
        JsonNode range = feature.path("Output").path(type).path("Value");
        assertThat(range.isArray()).as("feature %s has output %s", feature, type).isTrue();
        ObjectNode command = JSON.createObjectNode();
        command.putObject(type).put("Value", Yaml.steps(value, range.get(1).asInt()));
        return request("OutputCmd", JSON.createObjectNode().put("DeviceIndex", deviceIndex)
                .put("FeatureIndex", feature.path("FeatureIndex").asInt()).set("Command", command));
    }

    private static List<JsonNode> withOutput(List<JsonNode> features, String type) {
        return features.stream().filter(f -> f.path("Output").has(type)).toList();
    }

    private CompletableFuture<?> sendV3(int deviceIndex, Tagged message) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("DeviceIndex", deviceIndex);
        String type;
        switch (message.tag()) {
            case "Scalar" -> {
                type = "ScalarCmd";
                ArrayNode scalars = body.putArray("Scalars");
                for (Object o : list(message.value())) {
                    Map<String, Object> m = map(o);
                    scalars.addObject().put("Index", ((Number) m.get("Index")).intValue())
                            .put("Scalar", number(m.get("Scalar"))).put("ActuatorType", String.valueOf(m.get("ActuatorType")));
                }
            }
            case "Vibrate" -> {
                type = "VibrateCmd";
                ArrayNode speeds = body.putArray("Speeds");
                for (Object o : list(message.value())) {
                    Map<String, Object> m = map(o);
                    speeds.addObject().put("Index", ((Number) m.get("Index")).intValue()).put("Speed", number(m.get("Speed")));
                }
            }
            case "Rotate" -> {
                type = "RotateCmd";
                ArrayNode rotations = body.putArray("Rotations");
                for (Object o : list(message.value())) {
                    Map<String, Object> m = map(o);
                    rotations.addObject().put("Index", ((Number) m.get("Index")).intValue())
                            .put("Speed", number(m.get("Speed"))).put("Clockwise", Boolean.TRUE.equals(m.get("Clockwise")));
                }
            }
            case "Linear" -> {
                type = "LinearCmd";
                ArrayNode vectors = body.putArray("Vectors");
                for (Object o : list(message.value())) {
                    Map<String, Object> m = map(o);
                    vectors.addObject().put("Index", ((Number) m.get("Index")).intValue())
                            .put("Duration", ((Number) m.get("Duration")).longValue()).put("Position", number(m.get("Position")));
                }
            }
            case "Battery" -> {
                double expected = number(map(message.value()).get("expected_power"));
                CompletableFuture<?> check = request("SensorReadCmd", body.put("SensorIndex", 0).put("SensorType", "Battery"))
                        .thenAccept(reply -> assertThat(reply.path("SensorReading").path("Data").path(0).asInt() / 100.0)
                                .as("battery reply %s", reply).isEqualTo(expected));
                if (Boolean.TRUE.equals(map(message.value()).get("run_async"))) {
                    return check;
                }
                check.get(WAIT_MS + 500, TimeUnit.MILLISECONDS);
                return null;
            }
            case "Stop" -> type = "StopDeviceCmd";
            default -> throw new UnsupportedOperationException("test message " + message.tag() + " is not supported");
        }
        expect(request(type, body), "Ok");
        return null;
    }

    /**
     * Spec v0-v2, as the reference's old-version runners send them: {@code Scalar} does not exist
     * and is skipped; v0 knows only {@code SingleMotorVibrateCmd} (the first speed) and skips
     * rotate, linear and battery; v1 has no battery message.
     */
    private CompletableFuture<?> sendOld(int deviceIndex, Tagged message) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("DeviceIndex", deviceIndex);
        String type;
        switch (message.tag()) {
            case "Scalar" -> {
                return null;
            }
            case "Vibrate" -> {
                if (version == 0) {
                    Object first = list(message.value()).isEmpty() ? null : list(message.value()).get(0);
                    type = "SingleMotorVibrateCmd";
                    body.put("Speed", first == null ? 0.0 : number(map(first).get("Speed")));
                } else {
                    type = "VibrateCmd";
                    ArrayNode speeds = body.putArray("Speeds");
                    for (Object o : list(message.value())) {
                        Map<String, Object> m = map(o);
                        speeds.addObject().put("Index", ((Number) m.get("Index")).intValue()).put("Speed", number(m.get("Speed")));
                    }
                }
            }
            case "Rotate", "Linear" -> {
                if (version == 0) {
                    return null;
                }
                return sendV3(deviceIndex, message);
            }
            case "Battery" -> {
                if (version < 2) {
                    if (version == 0) {
                        return null;
                    }
                    throw new UnsupportedOperationException("spec v1 has no battery message");
                }
                double expected = number(map(message.value()).get("expected_power"));
                CompletableFuture<?> check = request("BatteryLevelCmd", body)
                        .thenAccept(reply -> assertThat(reply.path("BatteryLevelReading").path("BatteryLevel").asDouble())
                                .as("battery reply %s", reply).isEqualTo(expected));
                if (Boolean.TRUE.equals(map(message.value()).get("run_async"))) {
                    return check;
                }
                check.get(WAIT_MS + 500, TimeUnit.MILLISECONDS);
                return null;
            }
            case "Stop" -> type = "StopDeviceCmd";
            default -> throw new UnsupportedOperationException("test message " + message.tag() + " is not supported");
        }
        expect(request(type, body), "Ok");
        return null;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        if (manager != null) {
            manager.close();
        }
    }
}
