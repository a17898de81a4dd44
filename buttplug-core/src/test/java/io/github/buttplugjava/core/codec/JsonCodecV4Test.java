package io.github.buttplugjava.core.codec;

import static io.github.buttplugjava.core.codec.JsonTrees.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.buttplugjava.core.message.DeviceList;
import io.github.buttplugjava.core.message.InputCmd;
import io.github.buttplugjava.core.message.InputCommandType;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.Message;
import io.github.buttplugjava.core.message.Ok;
import io.github.buttplugjava.core.message.OutputCmd;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.Ping;
import io.github.buttplugjava.core.message.StopCmd;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonCodecV4Test {
    private final JsonCodec codec = new JsonCodec();

    @Test
    void decodesSeveralMessagesAndConcatenatedArrays() {
        List<Message> messages = codec.decode("[{\"Ping\":{\"Id\":1}},{\"StartScanning\":{\"Id\":2}}]"
                + " [{\"Ok\":{\"Id\":3}}]");
        assertThat(messages).hasSize(3);
        assertThat(messages.get(0)).isEqualTo(new Ping(1));
        assertThat(messages.get(2)).isEqualTo(new Ok(3));
    }

    @Test
    void readsOutputCommandsOfEveryType() {
        for (OutputType type : OutputType.values()) {
            OutputCommand command = type == OutputType.HW_POSITION_WITH_DURATION
                    ? OutputCommand.positionWithDuration(50, 1500) : OutputCommand.of(type, -3);
            OutputCmd cmd = new OutputCmd(7, 1, 2, command);
            String frame = codec.encode(List.of(cmd));
            assertThat(codec.decode(frame)).containsExactly(cmd);
        }
    }

    @Test
    void writesTheExactWireForm() {
        String frame = codec.encode(List.of(new OutputCmd(1, 0, 0, OutputCommand.of(OutputType.VIBRATE, 10)),
                new InputCmd(4, 0, 1, InputType.BATTERY, InputCommandType.READ)));
        assertThat(tree(frame)).isEqualTo(tree("[{\"OutputCmd\":{\"Id\":1,\"DeviceIndex\":0,"
                + "\"FeatureIndex\":0,\"Command\":{\"Vibrate\":{\"Value\":10}}}},"
                + "{\"InputCmd\":{\"Id\":4,\"DeviceIndex\":0,\"FeatureIndex\":1,\"Type\":\"Battery\","
                + "\"Command\":\"Read\"}}]"));
    }

    @Test
    void stopCmdLeavesOutAbsentIndexesAndDefaults() {
        assertThat(tree(codec.encode(List.of(StopCmd.all(6))))).isEqualTo(tree("[{\"StopCmd\":{\"Id\":6}}]"));
        StopCmd partial = new StopCmd(7, OptionalInt.of(0), OptionalInt.of(3), false, true);
        assertThat(tree(codec.encode(List.of(partial)))).isEqualTo(tree(
                "[{\"StopCmd\":{\"Id\":7,\"DeviceIndex\":0,\"FeatureIndex\":3,\"Inputs\":false}}]"));
        assertThat(codec.decode(codec.encode(List.of(partial)))).containsExactly(partial);
    }

    @Test
    void deviceListIgnoresUnknownOutputAndInputTypes() {
        List<Message> messages = codec.decode("[{\"DeviceList\":{\"Id\":0,\"Devices\":{\"3\":{"
                + "\"DeviceName\":\"X\",\"DeviceIndex\":3,\"DeviceMessageTimingGap\":0,\"DeviceFeatures\":{"
                + "\"0\":{\"FeatureIndex\":0,\"FeatureDescription\":\"\",\"Output\":{\"Vibrate\":{\"Value\":[0,20]},"
                + "\"Tickle\":{\"Value\":[0,5],\"Mood\":1}},\"Input\":{\"Smell\":{\"Value\":[[0,9]],\"Command\":[\"Read\"]}}}}}}}}]");
        DeviceList list = (DeviceList) messages.get(0);
        assertThat(list.devices()).hasSize(1);
        assertThat(list.devices().get(0).features().get(0).outputs()).containsOnlyKeys(OutputType.VIBRATE);
        assertThat(list.devices().get(0).features().get(0).inputs()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "malformed JSON|[{\"Ping\":{\"Id\":1}|0",
        "not JSON|hello|0",
        "empty array|[]|0",
        "object frame|{\"Ping\":{\"Id\":1}}|0",
        "number frame|5|0",
        "element not object|[5]|0",
        "two keys|[{\"Ping\":{\"Id\":1},\"Ok\":{\"Id\":2}}]|0",
        "body not object|[{\"Ping\":1}]|0",
        "unknown message|[{\"Tickle\":{\"Id\":4}}]|4",
        "legacy message in v4|[{\"VibrateCmd\":{\"Id\":4,\"DeviceIndex\":0,\"Speeds\":[]}}]|4",
        "missing field|[{\"OutputCmd\":{\"Id\":5,\"DeviceIndex\":0,\"Command\":{\"Vibrate\":{\"Value\":1}}}}]|5",
        "extra field|[{\"Ping\":{\"Id\":6,\"Extra\":true}}]|6",
        "wrong type|[{\"OutputCmd\":{\"Id\":7,\"DeviceIndex\":\"0\",\"FeatureIndex\":0,\"Command\":{\"Vibrate\":{\"Value\":1}}}}]|7",
        "fractional value|[{\"OutputCmd\":{\"Id\":8,\"DeviceIndex\":0,\"FeatureIndex\":0,\"Command\":{\"Vibrate\":{\"Value\":1.5}}}}]|8",
        "value over int|[{\"OutputCmd\":{\"Id\":9,\"DeviceIndex\":0,\"FeatureIndex\":0,\"Command\":{\"Vibrate\":{\"Value\":3000000000}}}}]|9",
        "negative index|[{\"InputCmd\":{\"Id\":10,\"DeviceIndex\":-1,\"FeatureIndex\":0,\"Type\":\"Battery\",\"Command\":\"Read\"}}]|10",
        "unknown output type|[{\"OutputCmd\":{\"Id\":11,\"DeviceIndex\":0,\"FeatureIndex\":0,\"Command\":{\"Tickle\":{\"Value\":1}}}}]|11",
        "two output types|[{\"OutputCmd\":{\"Id\":12,\"DeviceIndex\":0,\"FeatureIndex\":0,\"Command\":{\"Vibrate\":{\"Value\":1},\"Rotate\":{\"Value\":1}}}}]|12",
        "negative position|[{\"OutputCmd\":{\"Id\":13,\"DeviceIndex\":0,\"FeatureIndex\":0,\"Command\":{\"HwPositionWithDuration\":{\"Value\":-1,\"Duration\":5}}}}]|13",
        "unknown input command|[{\"InputCmd\":{\"Id\":14,\"DeviceIndex\":0,\"FeatureIndex\":0,\"Type\":\"Battery\",\"Command\":\"Sniff\"}}]|14",
        "Id 0 from a client|[{\"Ping\":{\"Id\":0}}]|0",
        "Id over 32 bits|[{\"Ping\":{\"Id\":4294967296}}]|0",
        "Id negative|[{\"Ping\":{\"Id\":-1}}]|0",
        "Id string|[{\"Ping\":{\"Id\":\"1\"}}]|0",
        "Id null|[{\"Ping\":{\"Id\":null}}]|0",
        "duplicate key|[{\"Ping\":{\"Id\":1,\"Id\":2}}]|0",
        "error code out of range|[{\"Error\":{\"Id\":3,\"ErrorMessage\":\"x\",\"ErrorCode\":9}}]|3",
        "device key mismatch|[{\"DeviceList\":{\"Id\":1,\"Devices\":{\"1\":{\"DeviceName\":\"X\",\"DeviceIndex\":0,\"DeviceMessageTimingGap\":0,\"DeviceFeatures\":{}}}}}]|1",
        "huge number|[{\"Ping\":{\"Id\":1000000000000000000000000000000000000000000000000000000000000000000000000}}]|0",
    })
    void rejectsBadInputWithTheReadableId(String what, String frame, long id) {
        assertThatThrownBy(() -> codec.decode(frame))
                .isInstanceOf(DecodeException.class)
                .satisfies(e -> assertThat(((DecodeException) e).id()).isEqualTo(id))
                .satisfies(e -> assertThat(((DecodeException) e).code().code()).isEqualTo(3));
    }

    @Test
    void rejectsDeepNesting() {
        String deep = "[{\"Ping\":{\"Id\":1,\"X\":" + "[".repeat(200) + "]".repeat(200) + "}}]";
        assertThatThrownBy(() -> codec.decode(deep)).isInstanceOf(DecodeException.class)
                .hasMessageContaining("nested too deeply");
    }

    @Test
    void rejectsOversizedFrames() {
        JsonCodec small = new JsonCodec(32);
        assertThatThrownBy(() -> small.decode("[{\"Ping\":{\"Id\":1}},{\"Ping\":{\"Id\":2}}]"))
                .isInstanceOf(DecodeException.class).hasMessageContaining("over the limit");
    }
}
