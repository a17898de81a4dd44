package io.github.buttplugjava.core.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.core.codec.internal.FrameWriter;
import io.github.buttplugjava.core.codec.internal.LegacyClientReader;
import io.github.buttplugjava.core.codec.internal.LegacyClientWriter;
import io.github.buttplugjava.core.codec.internal.LegacyHotWriter;
import io.github.buttplugjava.core.codec.internal.WireJson;
import io.github.buttplugjava.core.message.ClientMessage;
import io.github.buttplugjava.core.message.OutputCmd;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.StopCmd;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The direct writer of a one-speed VibrateCmd and a StopDeviceCmd writes exactly the generator
 * path's text, for every step of several step counts, and steps aside for anything else.
 */
class LegacyHotWriterTest {

    private static LegacyClientReader reader(SpecVersion version, String devicesBody) throws Exception {
        LegacyClientReader reader = new LegacyClientReader(version);
        reader.read("DeviceList", WireJson.MAPPER.readTree(devicesBody));
        return reader;
    }

    private static String generator(SpecVersion version, LegacyClientReader reader, ClientMessage m) throws Exception {
        FrameWriter frame = new FrameWriter();
        LegacyClientWriter.write(frame, version, List.of(m), reader.devices());
        return frame.finish();
    }

    @Test
    void everyStepOfEveryVibratorIsWrittenAsTheGeneratorWritesIt() throws Exception {
        LegacyClientReader v2 = reader(SpecVersion.V2, "{\"Id\":1,\"Devices\":[{\"DeviceName\":\"E\",\"DeviceIndex\":3,"
                + "\"DeviceMessages\":{\"VibrateCmd\":{\"FeatureCount\":4,\"StepCount\":[20,127,3,1000]},"
                + "\"StopDeviceCmd\":{}}}]}");
        LegacyClientReader v1 = reader(SpecVersion.V1, "{\"Id\":1,\"Devices\":[{\"DeviceName\":\"T\",\"DeviceIndex\":0,"
                + "\"DeviceMessages\":{\"VibrateCmd\":{\"FeatureCount\":1},\"StopDeviceCmd\":{}}}]}");
        int[] steps = {20, 127, 3, 1000};
        int checked = 0;
        for (int feature = 0; feature < steps.length; feature++) {
            for (int value = 0; value <= steps[feature]; value++) {
                OutputCmd cmd = new OutputCmd(4_294_967_295L - value, 3, feature, OutputCommand.of(OutputType.VIBRATE, value));
                String hot = LegacyHotWriter.write(List.of(cmd), v2.devices());
                assertThat(hot).as("feature %d value %d", feature, value).isEqualTo(generator(SpecVersion.V2, v2, cmd));
                checked++;
            }
        }
        for (int value = 0; value <= 100; value++) {
            OutputCmd cmd = new OutputCmd(value + 1, 0, 0, OutputCommand.of(OutputType.VIBRATE, value));
            assertThat(LegacyHotWriter.write(List.of(cmd), v1.devices())).isEqualTo(generator(SpecVersion.V1, v1, cmd));
            checked++;
        }
        StopCmd stop = StopCmd.device(9, 3);
        assertThat(LegacyHotWriter.write(List.of(stop), v2.devices())).isEqualTo(generator(SpecVersion.V2, v2, stop))
                .isEqualTo("[{\"StopDeviceCmd\":{\"Id\":9,\"DeviceIndex\":3}}]");
        assertThat(checked).isEqualTo(21 + 128 + 4 + 1001 + 101);
    }

    @Test
    void anythingElseStepsAside() throws Exception {
        LegacyClientReader v2 = reader(SpecVersion.V2, "{\"Id\":1,\"Devices\":[{\"DeviceName\":\"E\",\"DeviceIndex\":0,"
                + "\"DeviceMessages\":{\"VibrateCmd\":{\"FeatureCount\":1,\"StepCount\":[20]},\"StopDeviceCmd\":{}}}]}");
        OutputCmd ok = new OutputCmd(1, 0, 0, OutputCommand.of(OutputType.VIBRATE, 5));
        assertThat(LegacyHotWriter.write(List.of(ok, ok), v2.devices())).isNull();
        assertThat(LegacyHotWriter.write(List.of(new OutputCmd(1, 0, 0, OutputCommand.of(OutputType.VIBRATE, 21))),
                v2.devices())).isNull();
        assertThat(LegacyHotWriter.write(List.of(new OutputCmd(1, 1, 0, OutputCommand.of(OutputType.VIBRATE, 5))),
                v2.devices())).isNull();
        assertThat(LegacyHotWriter.write(List.of(new OutputCmd(1, 0, 1, OutputCommand.of(OutputType.VIBRATE, 5))),
                v2.devices())).isNull();
        assertThat(LegacyHotWriter.write(List.of(new OutputCmd(1, 0, 0, OutputCommand.of(OutputType.ROTATE, 5))),
                v2.devices())).isNull();
        assertThat(LegacyHotWriter.write(List.of(StopCmd.all(2)), v2.devices())).isNull();
        // the codec still refuses what the generator path refuses
        ClientCodec codec = new ClientCodec(SpecVersion.V2, 4096);
        codec.decode("[{\"DeviceList\":{\"Id\":1,\"Devices\":[{\"DeviceName\":\"E\",\"DeviceIndex\":0,"
                + "\"DeviceMessages\":{\"VibrateCmd\":{\"FeatureCount\":1,\"StepCount\":[20]}}}]}}]");
        assertThat(codec.encode(List.of(ok))).isEqualTo(
                "[{\"VibrateCmd\":{\"Id\":1,\"DeviceIndex\":0,\"Speeds\":[{\"Index\":0,\"Speed\":0.25}]}}]");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> codec.encode(List.of(
                new OutputCmd(1, 0, 0, OutputCommand.of(OutputType.VIBRATE, 21))))).isInstanceOf(
                io.github.buttplugjava.core.ButtplugDeviceException.class);
    }
}
