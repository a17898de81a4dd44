package io.github.buttplugjava.core.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.core.message.ClientMessage;
import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.DeviceInfo;
import io.github.buttplugjava.core.message.DeviceList;
import io.github.buttplugjava.core.message.ErrorCode;
import io.github.buttplugjava.core.message.ErrorMessage;
import io.github.buttplugjava.core.message.InputCmd;
import io.github.buttplugjava.core.message.InputCommandType;
import io.github.buttplugjava.core.message.InputReading;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.Ok;
import io.github.buttplugjava.core.message.OutputCmd;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputLimits;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.Ping;
import io.github.buttplugjava.core.message.RequestDeviceList;
import io.github.buttplugjava.core.message.RequestServerInfo;
import io.github.buttplugjava.core.message.ScanningFinished;
import io.github.buttplugjava.core.message.ServerInfo;
import io.github.buttplugjava.core.message.StartScanning;
import io.github.buttplugjava.core.message.StopCmd;
import io.github.buttplugjava.core.message.StopScanning;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every kind of frame the codecs write, at every version, in both directions (one frame per
 * message kind and per device feature of a varied device list), validates against the top-level
 * schema of buttplug-schema-v4.json and against the version's own schema file.
 */
class WrittenFramesSchemaTest {
    static final DeviceList DEVICES = new DeviceList(0, List.of(TestDevices.aneros(0), TestDevices.edge(1),
            TestDevices.kitchenSink(2), TestDevices.stroker(3)));

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void everyWrittenFrameValidates(SpecVersion version) {
        Map<String, String> frames = new LinkedHashMap<>();
        ServerCodec server = CodecPropertiesTest.handshaken(version, DEVICES);
        ClientCodec client = new ClientCodec(version, 1 << 20);
        frames.put("RequestServerInfo", client.encode(List.of(new RequestServerInfo(1, "c", version.major(), 0))));
        frames.put("ServerInfo", server.encode(List.of(new ServerInfo(1, "s", version.major(), 0, 100))).orElseThrow());
        frames.put("Ok", server.encode(List.of(new Ok(1))).orElseThrow());
        frames.put("Error", server.encode(List.of(new ErrorMessage(0, ErrorCode.DEVICE, "x"))).orElseThrow());
        frames.put("ScanningFinished", server.encode(List.of(new ScanningFinished(0))).orElseThrow());
        String list = server.encode(List.of(DEVICES.withId(2))).orElseThrow();
        frames.put("DeviceList", list);
        DeviceList known = (DeviceList) client.decode(list).get(0);
        ServerCodec events = CodecPropertiesTest.handshaken(version, DEVICES);
        frames.put("DeviceAdded", events.encode(List.of(DEVICES)).orElseThrow());
        frames.put("DeviceRemoved", events.encode(List.of(new DeviceList(0, List.of()))).orElseThrow());
        for (ClientMessage m : List.of(new Ping(3), new StartScanning(4), new StopScanning(5),
                new RequestDeviceList(6), StopCmd.all(7), StopCmd.device(8, 1))) {
            frames.put(m.messageName() + "#" + m.id(), client.encode(List.of(m)));
        }
        for (DeviceInfo d : known.devices()) {
            for (DeviceFeature f : d.features()) {
                for (Map.Entry<OutputType, OutputLimits> o : f.outputs().entrySet()) {
                    int v = o.getValue().value().max();
                    OutputCommand c = o.getKey() == OutputType.HW_POSITION_WITH_DURATION
                            ? OutputCommand.positionWithDuration(v, 300) : OutputCommand.of(o.getKey(), v);
                    frames.put("Output " + d.deviceIndex() + "/" + f.featureIndex(),
                            client.encode(List.of(new OutputCmd(9, d.deviceIndex(), f.featureIndex(), c))));
                }
                f.inputs().forEach((type, limits) -> {
                    for (InputCommandType command : limits.commands()) {
                        InputCmd cmd = new InputCmd(10, d.deviceIndex(), f.featureIndex(), type, command);
                        String frame = client.encode(List.of(cmd));
                        frames.put("Input " + d.deviceIndex() + "/" + f.featureIndex() + " " + command, frame);
                        if (command == InputCommandType.READ) {
                            server.decode(frame);
                        }
                    }
                });
            }
        }
        if (version == SpecVersion.V4) {
            frames.put("InputReading", server.encode(List.of(new InputReading(0, 1, 2, InputType.BATTERY, 5))).orElseThrow());
        }
        if (version == SpecVersion.V3 || version == SpecVersion.V2) {
            int feature = 5; // the kitchen sink's battery
            server.decode(version == SpecVersion.V3
                    ? "[{\"SensorReadCmd\":{\"Id\":11,\"DeviceIndex\":2,\"SensorIndex\":0,\"SensorType\":\"Battery\"}}]"
                    : "[{\"BatteryLevelCmd\":{\"Id\":11,\"DeviceIndex\":2}}]");
            frames.put("Reading", server.encode(List.of(new InputReading(11, 2, feature, InputType.BATTERY, 42))).orElseThrow());
        }
        List<String> failures = new ArrayList<>();
        frames.forEach((what, frame) -> {
            String all = Schemas.errorsAgainstAll(frame);
            if (!all.isEmpty()) {
                failures.add(what + " (all versions): " + all + " in " + frame);
            }
            String own = Schemas.errorsAgainstOwn(version, frame);
            if (!own.isEmpty()) {
                failures.add(what + " (own v" + version.major() + " file): " + own + " in " + frame);
            }
        });
        assertThat(failures).isEmpty();
        assertThat(frames.size()).isGreaterThan(15);
    }
}
