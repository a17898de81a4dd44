package io.github.buttplugjava.core.codec;

import static io.github.buttplugjava.core.codec.JsonTrees.tree;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.core.message.DeviceInfo;
import io.github.buttplugjava.core.message.DeviceList;
import io.github.buttplugjava.core.message.InputReading;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.ServerInfo;
import io.github.buttplugjava.core.message.ServerMessage;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** v4 server messages to the shapes of v0..v3 (spec.md §3, §7, §10.2). */
class LegacyServerShapesTest {
    private final AtomicReference<DeviceList> devices = new AtomicReference<>(new DeviceList(0, List.of()));

    private ServerCodec at(SpecVersion version) {
        ServerCodec codec = new ServerCodec(devices::get, ServerCodec.DEFAULT_MAX_FRAME_CHARS);
        String rsi = version == SpecVersion.V0 ? "{\"Id\":1,\"ClientName\":\"t\"}"
                : "{\"Id\":1,\"ClientName\":\"t\",\"MessageVersion\":" + version.major() + "}";
        codec.decode("[{\"RequestServerInfo\":" + rsi + "}]");
        return codec;
    }

    private static String encode(ServerCodec codec, ServerMessage... messages) {
        String frame = codec.encode(List.of(messages)).orElseThrow();
        assertThat(Schemas.errorsAgainstAll(frame)).as(frame).isEmpty();
        return frame;
    }

    @Test
    void serverInfoShapes() {
        assertThat(tree(encode(at(SpecVersion.V0), new ServerInfo(1, "Buttplug Server", 0, 0, 0))))
                .isEqualTo(tree("[{\"ServerInfo\":{\"Id\":1,\"MajorVersion\":0,\"MinorVersion\":0,\"BuildVersion\":0,"
                        + "\"MessageVersion\":0,\"MaxPingTime\":0,\"ServerName\":\"Buttplug Server\"}}]"));
        assertThat(tree(encode(at(SpecVersion.V1), new ServerInfo(1, "S", 1, 0, 10))))
                .isEqualTo(tree("[{\"ServerInfo\":{\"Id\":1,\"MajorVersion\":0,\"MinorVersion\":0,\"BuildVersion\":0,"
                        + "\"MessageVersion\":1,\"MaxPingTime\":10,\"ServerName\":\"S\"}}]"));
        assertThat(tree(encode(at(SpecVersion.V3), new ServerInfo(1, "Buttplug Server", 3, 0, 0))))
                .isEqualTo(tree("[{\"ServerInfo\":{\"Id\":1,\"MessageVersion\":3,\"MaxPingTime\":0,"
                        + "\"ServerName\":\"Buttplug Server\"}}]"));
    }

    @Test
    void v0DeviceListIsAListOfNames() {
        assertThat(tree(encode(at(SpecVersion.V0), new DeviceList(1, List.of(TestDevices.aneros(0))))))
                .isEqualTo(tree("[{\"DeviceList\":{\"Id\":1,\"Devices\":[{\"DeviceIndex\":0,\"DeviceName\":\"Aneros Vivi\","
                        + "\"DeviceMessages\":[\"SingleMotorVibrateCmd\",\"StopDeviceCmd\"]}]}}]"));
    }

    @Test
    void v1HasFeatureCountsAndV2StepCountArrays() {
        DeviceList list = new DeviceList(1, List.of(TestDevices.kitchenSink(0)));
        assertThat(tree(encode(at(SpecVersion.V1), list)).at("/0/DeviceList/Devices/0/DeviceMessages"))
                .isEqualTo(tree("{\"VibrateCmd\":{\"FeatureCount\":1},\"RotateCmd\":{\"FeatureCount\":1},"
                        + "\"LinearCmd\":{\"FeatureCount\":1},\"SingleMotorVibrateCmd\":{},\"StopDeviceCmd\":{}}"));
        assertThat(tree(encode(at(SpecVersion.V2), list)).at("/0/DeviceList/Devices/0/DeviceMessages"))
                .isEqualTo(tree("{\"VibrateCmd\":{\"FeatureCount\":1,\"StepCount\":[20]},"
                        + "\"RotateCmd\":{\"FeatureCount\":1,\"StepCount\":[20]},"
                        + "\"LinearCmd\":{\"FeatureCount\":1,\"StepCount\":[100]},"
                        + "\"BatteryLevelCmd\":{},\"StopDeviceCmd\":{}}"));
    }

    @Test
    void v3HasPerFeatureArraysInReferenceOrder() {
        String frame = encode(at(SpecVersion.V3), new DeviceList(1, List.of(TestDevices.kitchenSink(0))));
        assertThat(tree(frame).at("/0/DeviceList/Devices/0")).isEqualTo(tree("{\"DeviceName\":\"Kitchen Sink\","
                + "\"DeviceIndex\":0,\"DeviceMessageTimingGap\":50,\"DeviceDisplayName\":\"My Sink\",\"DeviceMessages\":{"
                + "\"ScalarCmd\":["
                + "{\"FeatureDescriptor\":\"Vibe\",\"StepCount\":20,\"ActuatorType\":\"Vibrate\"},"
                + "{\"FeatureDescriptor\":\"Twister\",\"StepCount\":20,\"ActuatorType\":\"Rotate\"},"
                + "{\"FeatureDescriptor\":\"Spinner\",\"StepCount\":10,\"ActuatorType\":\"Rotate\"},"
                + "{\"FeatureDescriptor\":\"Squeeze\",\"StepCount\":7,\"ActuatorType\":\"Constrict\"},"
                + "{\"FeatureDescriptor\":\"Stroker\",\"StepCount\":100,\"ActuatorType\":\"Position\"}],"
                + "\"RotateCmd\":[{\"FeatureDescriptor\":\"Twister\",\"StepCount\":20,\"ActuatorType\":\"Rotate\"}],"
                + "\"LinearCmd\":[{\"FeatureDescriptor\":\"Stroker\",\"StepCount\":100,\"ActuatorType\":\"Position\"}],"
                + "\"SensorReadCmd\":[{\"FeatureDescriptor\":\"Battery Level\",\"SensorType\":\"Battery\",\"SensorRange\":[[0,100]]}],"
                + "\"StopDeviceCmd\":{}}}"));
    }

    @Test
    void deviceListEventsBecomeAddedAndRemovedByDiff() {
        ServerCodec codec = at(SpecVersion.V2);
        DeviceInfo edge = TestDevices.edge(0);
        assertThat(tree(encode(codec, new DeviceList(0, List.of(edge))))).isEqualTo(tree(
                "[{\"DeviceAdded\":{\"Id\":0,\"DeviceName\":\"Lovense Edge\",\"DeviceIndex\":0,\"DeviceMessages\":"
                        + "{\"VibrateCmd\":{\"FeatureCount\":2,\"StepCount\":[20,20]},\"BatteryLevelCmd\":{},"
                        + "\"StopDeviceCmd\":{}}}}]"));
        assertThat(codec.encode(List.of(new DeviceList(0, List.of(edge))))).isEmpty();
        String frame = encode(codec, new DeviceList(0, List.of(TestDevices.aneros(1))));
        assertThat(tree(frame).at("/0")).isEqualTo(tree("{\"DeviceRemoved\":{\"Id\":0,\"DeviceIndex\":0}}"));
        assertThat(tree(frame).at("/1/DeviceAdded/DeviceIndex").asInt()).isEqualTo(1);
    }

    @Test
    void requestedDeviceListUpdatesWhatTheClientKnows() {
        ServerCodec codec = at(SpecVersion.V3);
        encode(codec, new DeviceList(5, List.of(TestDevices.edge(0))));
        assertThat(codec.encode(List.of(new DeviceList(0, List.of(TestDevices.edge(0)))))).isEmpty();
    }

    @Test
    void readingsUseTheRememberedRequest() {
        devices.set(new DeviceList(0, List.of(TestDevices.edge(0), TestDevices.kitchenSink(1))));
        ServerCodec v3 = at(SpecVersion.V3);
        v3.decode("[{\"SensorReadCmd\":{\"Id\":2,\"DeviceIndex\":1,\"SensorIndex\":0,\"SensorType\":\"Battery\"}}]");
        assertThat(tree(encode(v3, new InputReading(2, 1, 5, InputType.BATTERY, 91)))).isEqualTo(tree(
                "[{\"SensorReading\":{\"Id\":2,\"DeviceIndex\":1,\"SensorIndex\":0,\"SensorType\":\"Battery\",\"Data\":[91]}}]"));
        ServerCodec v2 = at(SpecVersion.V2);
        v2.decode("[{\"BatteryLevelCmd\":{\"Id\":1,\"DeviceIndex\":0}}]");
        assertThat(tree(encode(v2, new InputReading(1, 0, 2, InputType.BATTERY, 50)))).isEqualTo(tree(
                "[{\"BatteryLevelReading\":{\"Id\":1,\"DeviceIndex\":0,\"BatteryLevel\":0.5}}]"));
        assertThat(v2.encode(List.of(new InputReading(1, 0, 2, InputType.BATTERY, 50)))).isEmpty();
        assertThat(v2.encode(List.of(new InputReading(0, 0, 2, InputType.BATTERY, 50)))).isEmpty();
    }

    @Test
    void oscillatorOnlyDeviceHasOnlyStopBeforeV3() {
        DeviceList xone = new DeviceList(1, List.of(new DeviceInfo(0, "MagicMotion Xone", null, 0, List.of(
                TestDevices.output(0, "Oscillator", io.github.buttplugjava.core.message.OutputType.OSCILLATE,
                        io.github.buttplugjava.core.message.Range.upTo(100))))));
        assertThat(tree(encode(at(SpecVersion.V0), xone)).at("/0/DeviceList/Devices/0/DeviceMessages"))
                .isEqualTo(tree("[\"StopDeviceCmd\"]"));
        assertThat(tree(encode(at(SpecVersion.V1), xone)).at("/0/DeviceList/Devices/0/DeviceMessages"))
                .isEqualTo(tree("{\"StopDeviceCmd\":{}}"));
        assertThat(tree(encode(at(SpecVersion.V2), xone)).at("/0/DeviceList/Devices/0/DeviceMessages"))
                .isEqualTo(tree("{\"StopDeviceCmd\":{}}"));
        assertThat(tree(encode(at(SpecVersion.V3), xone)).at("/0/DeviceList/Devices/0/DeviceMessages"))
                .isEqualTo(tree("{\"ScalarCmd\":[{\"FeatureDescriptor\":\"Oscillator\",\"StepCount\":100,"
                        + "\"ActuatorType\":\"Oscillate\"}],\"StopDeviceCmd\":{}}"));
    }
}
