package io.github.buttplugjava.core.codec;

import static io.github.buttplugjava.core.codec.JsonTrees.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.ButtplugMessageException;
import io.github.buttplugjava.core.message.ClientMessage;
import io.github.buttplugjava.core.message.DeviceInfo;
import io.github.buttplugjava.core.message.DeviceList;
import io.github.buttplugjava.core.message.InputCmd;
import io.github.buttplugjava.core.message.InputCommandType;
import io.github.buttplugjava.core.message.InputReading;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputCmd;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.RequestServerInfo;
import io.github.buttplugjava.core.message.ServerInfo;
import io.github.buttplugjava.core.message.ServerMessage;
import io.github.buttplugjava.core.message.StopCmd;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client side of v3 (how this library talks to older servers): reverse mappings. */
class ClientCodecLegacyTest {
    private static final String V3_LIST = "[{\"DeviceList\":{\"Id\":1,\"Devices\":[{\"DeviceName\":\"Sink\","
            + "\"DeviceIndex\":4,\"DeviceMessages\":{"
            + "\"ScalarCmd\":[{\"StepCount\":20,\"FeatureDescriptor\":\"Vibe\",\"ActuatorType\":\"Vibrate\"},"
            + "{\"StepCount\":5,\"FeatureDescriptor\":\"Pump\",\"ActuatorType\":\"Inflate\"},"
            + "{\"StepCount\":7,\"FeatureDescriptor\":\"Squeeze\",\"ActuatorType\":\"Constrict\"}],"
            + "\"RotateCmd\":[{\"StepCount\":10,\"FeatureDescriptor\":\"Twister\",\"ActuatorType\":\"Rotate\"}],"
            + "\"LinearCmd\":[{\"StepCount\":100,\"FeatureDescriptor\":\"Stroker\",\"ActuatorType\":\"Position\"}],"
            + "\"SensorReadCmd\":[{\"FeatureDescriptor\":\"Battery\",\"SensorType\":\"Battery\",\"SensorRange\":[[0,100]]}],"
            + "\"SensorSubscribeCmd\":[{\"FeatureDescriptor\":\"Signal\",\"SensorType\":\"RSSI\",\"SensorRange\":[[-100,0]]}],"
            + "\"StopDeviceCmd\":{}}}]}}]";

    private final ClientCodec codec = new ClientCodec(SpecVersion.V3, ServerCodec.DEFAULT_MAX_FRAME_CHARS);
    private DeviceList list;

    @BeforeEach
    void learnDevices() {
        list = (DeviceList) codec.decode(V3_LIST).get(0);
    }

    private String encode(ClientMessage... messages) {
        String frame = codec.encode(List.of(messages));
        assertThat(Schemas.errorsAgainstAll(frame)).as(frame).isEmpty();
        return frame;
    }

    @Test
    void rebuildsOneFeaturePerAttributeEntry() {
        DeviceInfo d = list.devices().get(0);
        assertThat(d.features()).extracting(f -> f.featureIndex()).containsExactly(0, 2, 3, 4, 5, 6);
        assertThat(d.feature(0).orElseThrow().output(OutputType.VIBRATE).orElseThrow().value().max()).isEqualTo(20);
        assertThat(d.feature(3).orElseThrow().output(OutputType.ROTATE).orElseThrow().value().min()).isEqualTo(-10);
        assertThat(d.feature(4).orElseThrow().outputs()).containsKey(OutputType.HW_POSITION_WITH_DURATION);
        assertThat(d.feature(5).orElseThrow().input(InputType.BATTERY)).isPresent();
        assertThat(d.feature(6).orElseThrow().input(InputType.RSSI).orElseThrow()
                .accepts(InputCommandType.SUBSCRIBE)).isTrue();
    }

    @Test
    void outputCommandsBecomeLegacyCommandsWithExactFloats() {
        assertThat(tree(encode(new OutputCmd(2, 4, 2, OutputCommand.of(OutputType.CONSTRICT, 3)))))
                .isEqualTo(tree("[{\"ScalarCmd\":{\"Id\":2,\"DeviceIndex\":4,\"Scalars\":[{\"Index\":2,"
                        + "\"Scalar\":" + (3 / 7.0) + ",\"ActuatorType\":\"Constrict\"}]}}]"));
        assertThat(tree(encode(new OutputCmd(3, 4, 3, OutputCommand.of(OutputType.ROTATE, -5)))))
                .isEqualTo(tree("[{\"RotateCmd\":{\"Id\":3,\"DeviceIndex\":4,\"Rotations\":[{\"Index\":0,"
                        + "\"Speed\":0.5,\"Clockwise\":false}]}}]"));
        assertThat(tree(encode(new OutputCmd(4, 4, 4, OutputCommand.positionWithDuration(30, 500)))))
                .isEqualTo(tree("[{\"LinearCmd\":{\"Id\":4,\"DeviceIndex\":4,\"Vectors\":[{\"Index\":0,"
                        + "\"Duration\":500,\"Position\":0.3}]}}]"));
    }

    @Test
    void inputsAndStopsBecomeLegacyMessages() {
        assertThat(tree(encode(new InputCmd(5, 4, 5, InputType.BATTERY, InputCommandType.READ),
                new InputCmd(6, 4, 6, InputType.RSSI, InputCommandType.SUBSCRIBE),
                StopCmd.device(7, 4), StopCmd.all(8),
                new RequestServerInfo(9, "me", 3, 0))))
                .isEqualTo(tree("[{\"SensorReadCmd\":{\"Id\":5,\"DeviceIndex\":4,\"SensorIndex\":0,\"SensorType\":\"Battery\"}},"
                        + "{\"SensorSubscribeCmd\":{\"Id\":6,\"DeviceIndex\":4,\"SensorIndex\":0,\"SensorType\":\"RSSI\"}},"
                        + "{\"StopDeviceCmd\":{\"Id\":7,\"DeviceIndex\":4}},{\"StopAllDevices\":{\"Id\":8}},"
                        + "{\"RequestServerInfo\":{\"Id\":9,\"ClientName\":\"me\",\"MessageVersion\":3}}]"));
    }

    @Test
    void refusesWhatV3CannotSay() {
        assertThatThrownBy(() -> codec.encode(List.of(new StopCmd(1, OptionalInt.of(4), OptionalInt.of(0), true, true))))
                .isInstanceOf(ButtplugMessageException.class);
        assertThatThrownBy(() -> codec.encode(List.of(new OutputCmd(1, 9, 0, OutputCommand.of(OutputType.VIBRATE, 1)))))
                .isInstanceOf(ButtplugDeviceException.class).hasMessageContaining("DeviceNotAvailable");
        assertThatThrownBy(() -> codec.encode(List.of(new OutputCmd(1, 4, 1, OutputCommand.of(OutputType.VIBRATE, 1)))))
                .isInstanceOf(ButtplugDeviceException.class).hasMessageContaining("DeviceFeatureIndexError");
        assertThatThrownBy(() -> codec.encode(List.of(new OutputCmd(1, 4, 0, OutputCommand.of(OutputType.VIBRATE, 21)))))
                .isInstanceOf(ButtplugDeviceException.class).hasMessageContaining("DeviceStepRangeError");
        assertThatThrownBy(() -> codec.encode(List.of(new OutputCmd(1, 4, 0, OutputCommand.of(OutputType.OSCILLATE, 1)))))
                .isInstanceOf(ButtplugDeviceException.class).hasMessageContaining("MessageNotSupported");
    }

    @Test
    void serverMessagesBecomeV4() {
        assertThat(codec.decode("[{\"ServerInfo\":{\"Id\":1,\"MessageVersion\":3,\"MaxPingTime\":100,\"ServerName\":\"S\"}}]"))
                .containsExactly(new ServerInfo(1, "S", 3, 0, 100));
        assertThat(codec.decode("[{\"SensorReading\":{\"Id\":5,\"DeviceIndex\":4,\"SensorIndex\":0,"
                + "\"SensorType\":\"Battery\",\"Data\":[77]}}]"))
                .containsExactly(new InputReading(5, 4, 5, InputType.BATTERY, 77));
        List<ServerMessage> added = codec.decode("[{\"DeviceAdded\":{\"Id\":0,\"DeviceName\":\"V\",\"DeviceIndex\":1,"
                + "\"DeviceMessages\":{\"ScalarCmd\":[{\"StepCount\":10,\"FeatureDescriptor\":\"\",\"ActuatorType\":\"Vibrate\"}],"
                + "\"StopDeviceCmd\":{}}}}]");
        assertThat(((DeviceList) added.get(0)).id()).isZero();
        assertThat(((DeviceList) added.get(0)).devices()).extracting(DeviceInfo::deviceIndex).containsExactly(1, 4);
        List<ServerMessage> removed = codec.decode("[{\"DeviceRemoved\":{\"Id\":0,\"DeviceIndex\":4}}]");
        assertThat(((DeviceList) removed.get(0)).devices()).extracting(DeviceInfo::deviceIndex).containsExactly(1);
    }

    @Test
    void badServerFramesAreDecodeExceptions() {
        assertThatThrownBy(() -> codec.decode("[{\"DeviceAdded\":{\"Id\":3,\"DeviceName\":\"V\",\"DeviceIndex\":1,"
                + "\"DeviceMessages\":{}}}]")).isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> codec.decode("[{\"OutputCmd\":{\"Id\":3}}]")).isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> codec.decode("nope")).isInstanceOf(DecodeException.class);
    }

    @Test
    void v2BatteryLevelReadingBecomesPercent() {
        ClientCodec v2 = new ClientCodec(SpecVersion.V2, 4096);
        v2.decode("[{\"DeviceList\":{\"Id\":1,\"Devices\":[{\"DeviceName\":\"E\",\"DeviceIndex\":0,\"DeviceMessages\":"
                + "{\"VibrateCmd\":{\"FeatureCount\":2,\"StepCount\":[20,20]},\"BatteryLevelCmd\":{},\"StopDeviceCmd\":{}}}]}}]");
        assertThat(v2.decode("[{\"BatteryLevelReading\":{\"Id\":1,\"DeviceIndex\":0,\"BatteryLevel\":0.5}}]"))
                .containsExactly(new InputReading(1, 0, 2, InputType.BATTERY, 50));
        assertThat(tree(v2.encode(List.of(new OutputCmd(3, 0, 1, OutputCommand.of(OutputType.VIBRATE, 10)),
                new InputCmd(4, 0, 2, InputType.BATTERY, InputCommandType.READ)))))
                .isEqualTo(tree("[{\"VibrateCmd\":{\"Id\":3,\"DeviceIndex\":0,\"Speeds\":[{\"Index\":1,\"Speed\":0.5}]}},"
                        + "{\"BatteryLevelCmd\":{\"Id\":4,\"DeviceIndex\":0}}]"));
    }
}
