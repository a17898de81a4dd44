package io.github.buttplugjava.core.codec;

import static io.github.buttplugjava.core.codec.JsonTrees.resource;
import static io.github.buttplugjava.core.codec.JsonTrees.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.buttplugjava.core.message.ClientMessage;
import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.DeviceInfo;
import io.github.buttplugjava.core.message.DeviceList;
import io.github.buttplugjava.core.message.ErrorCode;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.Range;
import io.github.buttplugjava.core.message.ServerMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every JSON example of spec.md (test resources {@code spec-examples/}) validates against the
 * schema, decodes, and re-encodes to the same JSON tree. Client messages go through the
 * ServerCodec (to v4) and back through a ClientCodec of the same version that learnt the devices
 * from the server; server messages the other way round. Two documented normalisations: a v4
 * StopCmd's default {@code Inputs}/{@code Outputs} true may be left out, and a v3 device always
 * carries {@code DeviceMessageTimingGap} (as the Rust 10.x server writes it, spec.md §13).
 */
class SpecExamplesTest {
    private static final Set<String> SERVER_NAMES = Set.of("Ok", "Error", "ServerInfo", "DeviceList",
            "DeviceAdded", "DeviceRemoved", "ScanningFinished", "InputReading", "SensorReading",
            "BatteryLevelReading");
    /** Messages the examples show that no current server runs; they must come back Rejected. */
    private static final Set<String> REJECTED = Set.of("FleshlightLaunchFW12Cmd", "VorzeA10CycloneCmd",
            "KiirooCmd", "RawWriteCmd");

    static Stream<String> examples() {
        return Arrays.stream(resource("spec-examples/index.txt").split("\n")).filter(s -> !s.isBlank());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void roundTrips(String file) {
        String example = resource("spec-examples/" + file);
        SpecVersion version = SpecVersion.valueOf(file.substring(file.indexOf('-') + 1, file.indexOf('.')));
        assertThat(Schemas.errorsAgainstAll(example)).as("example vs schema").isEmpty();
        String first = tree(example).get(0).fieldNames().next();
        Pair pair = new Pair(version, !first.startsWith("Device"));
        if (version == SpecVersion.V4 && !first.equals("RequestServerInfo")) {
            JsonCodec codec = new JsonCodec();
            assertSame(codec.encode(codec.decode(example)), example);
        } else if (SERVER_NAMES.contains(first)) {
            List<ServerMessage> v4 = pair.client.decode(example);
            assertSame(pair.server.encode(v4).orElseThrow(), example);
        } else {
            List<ClientMessage> commands = new ArrayList<>();
            List<Decoded> decoded = pair.server.decode(example);
            ArrayNode expected = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < decoded.size(); i++) {
                JsonNode element = tree(example).get(i);
                if (decoded.get(i) instanceof Decoded.Request r) {
                    commands.addAll(r.commands());
                    expected.add(element);
                } else {
                    Decoded.Rejected rejected = (Decoded.Rejected) decoded.get(i);
                    assertThat(REJECTED).contains(element.fieldNames().next());
                    assertThat(rejected.error().code()).isEqualTo(ErrorCode.MSG);
                }
            }
            assertSame(pair.client.encode(commands), expected.toString());
        }
    }

    private static void assertSame(String produced, String example) {
        assertThat(Schemas.errorsAgainstAll(produced)).as("produced vs schema: " + produced).isEmpty();
        assertThat(normalize(tree(produced))).isEqualTo(normalize(tree(example)));
    }

    private static JsonNode normalize(JsonNode frame) {
        for (JsonNode element : frame) {
            JsonNode stop = element.get("StopCmd");
            if (stop instanceof ObjectNode o) {
                for (String f : List.of("Inputs", "Outputs")) {
                    if (o.path(f).asBoolean(false)) {
                        o.remove(f);
                    }
                }
            }
            JsonNode list = element.path("DeviceList").path("Devices");
            if (list.isArray() && list.path(0).path("DeviceMessages").isObject()
                    && list.path(0).path("DeviceMessages").has("StopDeviceCmd")
                    && hasV3Arrays(list)) {
                list.forEach(d -> ((ObjectNode) d).putIfAbsent("DeviceMessageTimingGap",
                        JsonNodeFactory.instance.numberNode(0)));
            }
        }
        return frame;
    }

    private static boolean hasV3Arrays(JsonNode devices) {
        for (JsonNode d : devices) {
            for (JsonNode attrs : d.path("DeviceMessages")) {
                if (attrs.isArray()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A server codec and a client codec of one version, handshaken; with devices, the client has
     * learnt the fixture's device list from the server and a sensor request is pending.
     */
    private static final class Pair {
        final ServerCodec server;
        final ClientCodec client;

        Pair(SpecVersion version, boolean withDevices) {
            DeviceList devices = new DeviceList(0, List.of(fixture(version)));
            server = new ServerCodec(() -> devices, ServerCodec.DEFAULT_MAX_FRAME_CHARS);
            client = new ClientCodec(version, ServerCodec.DEFAULT_MAX_FRAME_CHARS);
            if (version != SpecVersion.V4) {
                server.decode(client.encode(List.of(new io.github.buttplugjava.core.message.RequestServerInfo(
                        1, "t", version.major(), 0))));
                assertThat(server.version()).contains(version);
                if (!withDevices) {
                    return;
                }
                client.decode(server.encode(List.of(devices.withId(1))).orElseThrow());
                if (version == SpecVersion.V3) {
                    server.decode("[{\"SensorReadCmd\":{\"Id\":2,\"DeviceIndex\":0,\"SensorIndex\":0,\"SensorType\":\"Battery\"}}]");
                }
                if (version == SpecVersion.V2) {
                    server.decode("[{\"BatteryLevelCmd\":{\"Id\":1,\"DeviceIndex\":0}}]");
                }
            }
        }
    }

    /**
     * Device 0 of each version's examples, with features in the order a client of that version
     * rebuilds them, and the step counts the examples' floats need.
     */
    static DeviceInfo fixture(SpecVersion version) {
        List<DeviceFeature> features = switch (version) {
            case V0 -> List.of(TestDevices.output(0, "", OutputType.VIBRATE, Range.upTo(100)));
            case V1 -> List.of(TestDevices.output(0, "", OutputType.VIBRATE, Range.upTo(100)),
                    TestDevices.output(1, "", OutputType.VIBRATE, Range.upTo(100)),
                    TestDevices.output(2, "", OutputType.ROTATE, new Range(-100, 100)),
                    TestDevices.output(3, "", OutputType.HW_POSITION_WITH_DURATION, Range.upTo(100)));
            case V2 -> List.of(TestDevices.battery(0));
            default -> List.of(TestDevices.output(0, "Clitoral Stimulator", OutputType.VIBRATE, Range.upTo(20)),
                    TestDevices.output(1, "Squeeze", OutputType.CONSTRICT, Range.upTo(20)),
                    TestDevices.battery(2));
        };
        return new DeviceInfo(0, "Fixture", null, 0, features);
    }

}
