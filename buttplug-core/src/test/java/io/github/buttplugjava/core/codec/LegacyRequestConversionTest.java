package io.github.buttplugjava.core.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.core.message.ClientMessage;
import io.github.buttplugjava.core.message.DeviceList;
import io.github.buttplugjava.core.message.ErrorCode;
import io.github.buttplugjava.core.message.InputCmd;
import io.github.buttplugjava.core.message.InputCommandType;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputCmd;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.StopCmd;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** v0..v3 requests to v4 commands: rounding, per-type indices, and the errors (spec.md §9, §10.1). */
class LegacyRequestConversionTest {
    private static final DeviceList DEVICES = new DeviceList(0, List.of(TestDevices.aneros(0),
            TestDevices.edge(1), TestDevices.kitchenSink(2), TestDevices.stroker(3)));

    static ServerCodec negotiated(SpecVersion version) {
        ServerCodec codec = new ServerCodec(() -> DEVICES, ServerCodec.DEFAULT_MAX_FRAME_CHARS);
        String rsi = version == SpecVersion.V0 ? "{\"Id\":1,\"ClientName\":\"t\"}"
                : "{\"Id\":1,\"ClientName\":\"t\",\"MessageVersion\":" + version.major() + "}";
        codec.decode("[{\"RequestServerInfo\":" + rsi + "}]");
        assertThat(codec.version()).contains(version);
        return codec;
    }

    static List<ClientMessage> commands(SpecVersion version, String message) {
        Decoded d = negotiated(version).decode("[" + message + "]").get(0);
        assertThat(d).as("%s", d).isInstanceOf(Decoded.Request.class);
        return ((Decoded.Request) d).commands();
    }

    static Decoded.Rejected rejected(SpecVersion version, String message) {
        Decoded d = negotiated(version).decode("[" + message + "]").get(0);
        assertThat(d).as("%s", d).isInstanceOf(Decoded.Rejected.class);
        return (Decoded.Rejected) d;
    }

    private static OutputCmd out(long id, int device, int feature, OutputType type, int value) {
        return new OutputCmd(id, device, feature, OutputCommand.of(type, value));
    }

    @ParameterizedTest(name = "Aneros 0..127: {0} -> {1}")
    @CsvSource({"0.5,64", "0.1,13", "1.0,127", "0.0,0", "0.0000009,0", "0.000002,1"})
    void singleMotorVibrateUsesCeilOfSteps(double speed, int value) {
        assertThat(commands(SpecVersion.V0, "{\"SingleMotorVibrateCmd\":{\"Id\":5,\"DeviceIndex\":0,\"Speed\":"
                + speed + "}}")).containsExactly(out(5, 0, 0, OutputType.VIBRATE, value));
    }

    @Test
    void singleMotorVibrateDrivesEveryVibrator() {
        assertThat(commands(SpecVersion.V1, "{\"SingleMotorVibrateCmd\":{\"Id\":5,\"DeviceIndex\":1,\"Speed\":0.5}}"))
                .containsExactly(out(5, 1, 0, OutputType.VIBRATE, 10), out(5, 1, 1, OutputType.VIBRATE, 10));
    }

    @Test
    void vibrateCmdBecomesOneOutputCmdPerSpeed() {
        assertThat(commands(SpecVersion.V2, "{\"VibrateCmd\":{\"Id\":7,\"DeviceIndex\":1,\"Speeds\":["
                + "{\"Index\":0,\"Speed\":0.5},{\"Index\":1,\"Speed\":0.11}]}}"))
                .containsExactly(out(7, 1, 0, OutputType.VIBRATE, 10), out(7, 1, 1, OutputType.VIBRATE, 3));
    }

    @Test
    void rotateCmdIsSignedAndOnlyOnBidirectionalRotators() {
        assertThat(commands(SpecVersion.V3, "{\"RotateCmd\":{\"Id\":8,\"DeviceIndex\":2,\"Rotations\":["
                + "{\"Index\":0,\"Speed\":0.5,\"Clockwise\":false}]}}"))
                .containsExactly(out(8, 2, 1, OutputType.ROTATE, -10));
        assertThat(rejected(SpecVersion.V3, "{\"RotateCmd\":{\"Id\":8,\"DeviceIndex\":2,\"Rotations\":["
                + "{\"Index\":1,\"Speed\":0.5,\"Clockwise\":true}]}}").error().code()).isEqualTo(ErrorCode.DEVICE);
    }

    @Test
    void linearCmdTruncatesAndKeepsTheDuration() {
        assertThat(commands(SpecVersion.V1, "{\"LinearCmd\":{\"Id\":9,\"DeviceIndex\":2,\"Vectors\":["
                + "{\"Index\":0,\"Duration\":500,\"Position\":0.999}]}}"))
                .containsExactly(new OutputCmd(9, 2, 4, OutputCommand.positionWithDuration(99, 500)));
        assertThat(rejected(SpecVersion.V1, "{\"LinearCmd\":{\"Id\":9,\"DeviceIndex\":2,\"Vectors\":["
                + "{\"Index\":0,\"Duration\":2147483648,\"Position\":0.5}]}}").error().code()).isEqualTo(ErrorCode.MSG);
    }

    @Test
    void scalarCmdUsesPerTypeIndicesInTheReferenceOrder() {
        // kitchen sink scalar list: 0 Vibrate(f0), 1 Rotate(f1), 2 Rotate(f2), 3 Constrict(f3), 4 Position(f4)
        assertThat(commands(SpecVersion.V3, "{\"ScalarCmd\":{\"Id\":10,\"DeviceIndex\":2,\"Scalars\":["
                + "{\"Index\":3,\"Scalar\":0.5,\"ActuatorType\":\"Constrict\"},"
                + "{\"Index\":4,\"Scalar\":0.25,\"ActuatorType\":\"Position\"},"
                + "{\"Index\":1,\"Scalar\":1.0,\"ActuatorType\":\"Rotate\"}]}}"))
                .containsExactly(out(10, 2, 3, OutputType.CONSTRICT, 4), out(10, 2, 4, OutputType.POSITION, 25),
                        out(10, 2, 1, OutputType.ROTATE, 20));
    }

    @Test
    void scalarCmdActuatorTypeMustMatchTheFeature() {
        Decoded.Rejected r = rejected(SpecVersion.V3, "{\"ScalarCmd\":{\"Id\":11,\"DeviceIndex\":2,\"Scalars\":["
                + "{\"Index\":0,\"Scalar\":0.5,\"ActuatorType\":\"Oscillate\"}]}}");
        assertThat(r.id()).isEqualTo(11);
        assertThat(r.error().code()).isEqualTo(ErrorCode.DEVICE);
        assertThat(r.error()).hasMessageContaining("MessageNotSupported");
        assertThat(rejected(SpecVersion.V3, "{\"ScalarCmd\":{\"Id\":11,\"DeviceIndex\":2,\"Scalars\":["
                + "{\"Index\":0,\"Scalar\":0.5,\"ActuatorType\":\"Inflate\"}]}}").error().code()).isEqualTo(ErrorCode.MSG);
        assertThat(rejected(SpecVersion.V3, "{\"ScalarCmd\":{\"Id\":11,\"DeviceIndex\":2,\"Scalars\":[]}}")
                .error().code()).isEqualTo(ErrorCode.MSG);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "speed above 1|V1|{\"VibrateCmd\":{\"Id\":12,\"DeviceIndex\":1,\"Speeds\":[{\"Index\":0,\"Speed\":1.01}]}}|MSG",
        "speed below 0|V2|{\"VibrateCmd\":{\"Id\":12,\"DeviceIndex\":1,\"Speeds\":[{\"Index\":0,\"Speed\":-0.1}]}}|MSG",
        "index past the end|V2|{\"VibrateCmd\":{\"Id\":12,\"DeviceIndex\":1,\"Speeds\":[{\"Index\":2,\"Speed\":0.1}]}}|DEVICE",
        "unknown device|V2|{\"VibrateCmd\":{\"Id\":12,\"DeviceIndex\":9,\"Speeds\":[{\"Index\":0,\"Speed\":0.1}]}}|DEVICE",
        "unknown device stop|V0|{\"StopDeviceCmd\":{\"Id\":12,\"DeviceIndex\":9}}|DEVICE",
        "missing Clockwise|V1|{\"RotateCmd\":{\"Id\":12,\"DeviceIndex\":2,\"Rotations\":[{\"Index\":0,\"Speed\":0.1}]}}|MSG",
        "extra field in item|V1|{\"VibrateCmd\":{\"Id\":12,\"DeviceIndex\":1,\"Speeds\":[{\"Index\":0,\"Speed\":0.1,\"X\":1}]}}|MSG",
        "no vibrator|V0|{\"SingleMotorVibrateCmd\":{\"Id\":12,\"DeviceIndex\":3,\"Speed\":0.1}}|DEVICE",
        "ScalarCmd in v2|V2|{\"ScalarCmd\":{\"Id\":12,\"DeviceIndex\":1,\"Scalars\":[]}}|MSG",
        "BatteryLevelCmd in v3|V3|{\"BatteryLevelCmd\":{\"Id\":12,\"DeviceIndex\":1}}|MSG",
        "SingleMotorVibrateCmd in v2|V2|{\"SingleMotorVibrateCmd\":{\"Id\":12,\"DeviceIndex\":1,\"Speed\":0.5}}|MSG",
        "v4 OutputCmd in v3|V3|{\"OutputCmd\":{\"Id\":12,\"DeviceIndex\":1,\"FeatureIndex\":0,\"Command\":{\"Vibrate\":{\"Value\":1}}}}|MSG",
        "SensorSubscribeCmd|V3|{\"SensorSubscribeCmd\":{\"Id\":12,\"DeviceIndex\":1,\"SensorIndex\":0,\"SensorType\":\"Battery\"}}|DEVICE",
        "SensorUnsubscribeCmd|V3|{\"SensorUnsubscribeCmd\":{\"Id\":12,\"DeviceIndex\":1,\"SensorIndex\":0,\"SensorType\":\"Battery\"}}|DEVICE",
        "SensorReadCmd not battery|V3|{\"SensorReadCmd\":{\"Id\":12,\"DeviceIndex\":1,\"SensorIndex\":0,\"SensorType\":\"Pressure\"}}|DEVICE",
        "SensorReadCmd index past the end|V3|{\"SensorReadCmd\":{\"Id\":12,\"DeviceIndex\":1,\"SensorIndex\":1,\"SensorType\":\"Battery\"}}|DEVICE",
        "BatteryLevelCmd without battery|V2|{\"BatteryLevelCmd\":{\"Id\":12,\"DeviceIndex\":0}}|DEVICE",
    })
    void badLegacyRequestsAreRejectedWithTheirId(String what, SpecVersion version, String message, ErrorCode code) {
        Decoded.Rejected r = rejected(version, message);
        assertThat(r.id()).isEqualTo(12);
        assertThat(r.error().code()).as(r.error().getMessage()).isEqualTo(code);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "V0|{\"FleshlightLaunchFW12Cmd\":{\"Id\":13,\"DeviceIndex\":0,\"Position\":95,\"Speed\":90}}|FleshlightLaunchFW12Cmd is not implemented",
        "V1|{\"VorzeA10CycloneCmd\":{\"Id\":13,\"DeviceIndex\":0,\"Speed\":50,\"Clockwise\":true}}|no longer supported",
        "V0|{\"KiirooCmd\":{\"Id\":13,\"DeviceIndex\":0,\"Command\":\"4\"}}|KiirooCmd is not supported",
        "V0|{\"LovenseCmd\":{\"Id\":13,\"DeviceIndex\":0,\"Command\":\"Vibrate:20;\"}}|never implemented",
        "V1|{\"RawCmd\":{\"Id\":13,\"DeviceIndex\":0,\"Command\":[1,2]}}|RawCmd was never implemented",
        "V0|{\"Test\":{\"Id\":13,\"TestString\":\"hi\"}}|Test was removed",
        "V1|{\"RequestLog\":{\"Id\":13,\"LogLevel\":\"Debug\"}}|RequestLog is not supported",
        "V2|{\"RequestLog\":{\"Id\":13,\"LogLevel\":\"Off\"}}|RequestLog is not supported",
        "V2|{\"RawWriteCmd\":{\"Id\":13,\"DeviceIndex\":0,\"Endpoint\":\"tx\",\"Data\":[0,1,0],\"WriteWithResponse\":false}}|raw device access",
        "V3|{\"RawReadCmd\":{\"Id\":13,\"DeviceIndex\":0,\"Endpoint\":\"tx\",\"Length\":0,\"WaitForData\":false}}|raw device access",
        "V3|{\"RawSubscribeCmd\":{\"Id\":13,\"DeviceIndex\":0,\"Endpoint\":\"rx\"}}|raw device access",
        "V2|{\"RawUnsubscribeCmd\":{\"Id\":13,\"DeviceIndex\":0,\"Endpoint\":\"rx\"}}|raw device access",
        "V2|{\"RSSILevelCmd\":{\"Id\":13,\"DeviceIndex\":0}}|RSSILevelCmd was never implemented",
    })
    void unimplementedMessagesDecodeAndAreRejected(SpecVersion version, String message, String text) {
        Decoded.Rejected r = rejected(version, message);
        assertThat(r.id()).isEqualTo(13);
        assertThat(r.error().code()).isEqualTo(ErrorCode.MSG);
        assertThat(r.error()).hasMessageContaining(text);
    }

    @Test
    void unimplementedMessagesWithBadFieldsGetAFieldError() {
        Decoded.Rejected r = rejected(SpecVersion.V0,
                "{\"FleshlightLaunchFW12Cmd\":{\"Id\":13,\"DeviceIndex\":0,\"Position\":100,\"Speed\":90}}");
        assertThat(r.error()).isInstanceOf(DecodeException.class).hasMessageContaining("Position");
    }

    @Test
    void stopsBecomeStopCmd() {
        assertThat(commands(SpecVersion.V0, "{\"StopAllDevices\":{\"Id\":3}}")).containsExactly(StopCmd.all(3));
        assertThat(commands(SpecVersion.V3, "{\"StopDeviceCmd\":{\"Id\":4,\"DeviceIndex\":2}}"))
                .containsExactly(StopCmd.device(4, 2));
    }

    @Test
    void sensorRequestsBecomeBatteryReads() {
        assertThat(commands(SpecVersion.V2, "{\"BatteryLevelCmd\":{\"Id\":5,\"DeviceIndex\":1}}"))
                .containsExactly(new InputCmd(5, 1, 2, InputType.BATTERY, InputCommandType.READ));
        assertThat(commands(SpecVersion.V3, "{\"SensorReadCmd\":{\"Id\":6,\"DeviceIndex\":2,\"SensorIndex\":0,"
                + "\"SensorType\":\"Battery\"}}"))
                .containsExactly(new InputCmd(6, 2, 5, InputType.BATTERY, InputCommandType.READ));
    }
}
