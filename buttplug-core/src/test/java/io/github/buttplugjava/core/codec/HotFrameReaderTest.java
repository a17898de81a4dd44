package io.github.buttplugjava.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.buttplugjava.core.codec.internal.FrameReader;
import io.github.buttplugjava.core.codec.internal.HotFrameReader;
import io.github.buttplugjava.core.codec.internal.HotFrameReader.Direction;
import io.github.buttplugjava.core.codec.internal.WireEntry;
import io.github.buttplugjava.core.message.InputCmd;
import io.github.buttplugjava.core.message.InputReading;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.Message;
import io.github.buttplugjava.core.message.Ok;
import io.github.buttplugjava.core.message.OutputCmd;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.Ping;
import io.github.buttplugjava.core.message.StopCmd;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The streaming path decodes exactly what the tree path decodes, or hands the frame back: on any
 * frame, valid or mutated, it either answers null or the same messages as the tree path, and it
 * never answers for a frame the tree path rejects.
 */
class HotFrameReaderTest {
    private static final int MAX = 1 << 20;
    private final JsonCodec json = new JsonCodec();

    @Property(tries = 3000)
    void streamingAgreesWithTheTreeOrStepsAside(@ForAll("hotFrames") String frame) {
        List<Message> hot = HotFrameReader.read(frame, MAX, Direction.BOTH);
        List<Message> tree;
        try {
            tree = treeDecode(frame);
        } catch (DecodeException rejected) {
            assertThat(hot).as(frame).isNull();
            return;
        }
        if (hot != null) {
            assertThat(hot).as(frame).isEqualTo(tree);
        }
    }

    @Property(tries = 500)
    void everyValidHotFrameTakesTheStreamingPath(@ForAll("validHotFrames") String frame) {
        assertThat(HotFrameReader.read(frame, MAX, Direction.BOTH)).as(frame).isEqualTo(treeDecode(frame));
    }

    @Example
    void eachSideReadsOnlyItsOwnMessages() {
        String ok = "[{\"Ok\":{\"Id\":3}}]";
        String ping = "[{\"Ping\":{\"Id\":3}}]";
        assertThat(HotFrameReader.read(ok, MAX, Direction.TO_CLIENT)).containsExactly(new Ok(3));
        assertThat(HotFrameReader.read(ok, MAX, Direction.TO_SERVER)).isNull();
        assertThat(HotFrameReader.read(ping, MAX, Direction.TO_SERVER)).containsExactly(new Ping(3));
        assertThat(HotFrameReader.read(ping, MAX, Direction.TO_CLIENT)).isNull();
    }

    @Example
    void idsOfEveryDigitCountAndValuesAtTheInt32BoundsTakeTheStreamingPath() {
        for (long id = 1; id <= Message.MAX_ID; id = id * 10 + 7) {
            String ok = "[{\"Ok\":{\"Id\":" + id + "}}]";
            assertThat(HotFrameReader.read(ok, MAX, Direction.TO_CLIENT)).as(ok).containsExactly(new Ok(id));
        }
        for (int value : new int[] {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE}) {
            InputReading message = new InputReading(2, 0, 0, InputType.RSSI, value);
            String reading = json.encode(List.of(message));
            assertThat(HotFrameReader.read(reading, MAX, Direction.TO_CLIENT)).as(reading)
                    .containsExactly(message).isEqualTo(treeDecode(reading));
        }
        String beyond = "[{\"Ok\":{\"Id\":" + (Message.MAX_ID + 1) + "}}]";
        assertThat(HotFrameReader.read(beyond, MAX, Direction.TO_CLIENT)).isNull();
        assertThatThrownBy(() -> treeDecode(beyond)).isInstanceOf(DecodeException.class);
    }

    @Example
    void fieldsInAnyOrderAndBothSpellingsOfStopCmd() {
        assertThat(HotFrameReader.read("[{\"OutputCmd\":{\"Command\":{\"Vibrate\":{\"Value\":7}},"
                + "\"FeatureIndex\":2,\"Id\":9,\"DeviceIndex\":1}}]", MAX, Direction.TO_SERVER))
                .containsExactly(new OutputCmd(9, 1, 2, OutputCommand.of(OutputType.VIBRATE, 7)));
        assertThat(HotFrameReader.read("[{\"StopCmd\":{\"Id\":4}}]", MAX, Direction.TO_SERVER))
                .containsExactly(StopCmd.all(4));
    }

    @Example
    void duplicateKeysAndOversizedFramesStepAsideAndKeepTheirErrors() {
        String duplicate = "[{\"Ping\":{\"Id\":1,\"Id\":2}}]";
        assertThat(HotFrameReader.read(duplicate, MAX, Direction.BOTH)).isNull();
        assertThatThrownBy(() -> json.decode(duplicate)).isInstanceOf(DecodeException.class);
        String ping = "[{\"Ping\":{\"Id\":1}}]";
        assertThat(HotFrameReader.read(ping, ping.length() - 1, Direction.BOTH)).isNull();
        assertThatThrownBy(() -> new JsonCodec(ping.length() - 1).decode(ping))
                .isInstanceOf(DecodeException.class).hasMessageContaining("over the limit");
    }

    @Provide
    Arbitrary<String> validHotFrames() {
        Arbitrary<Message> one = hotMessages();
        return Arbitraries.oneOf(
                one.map(m -> json.encode(List.of(m))),
                one.list().ofMinSize(2).ofMaxSize(4).map(json::encode),
                one.map(m -> json.encode(List.of(m)).replace(",", " ,\n\t").replace(":", " : ")));
    }

    @Provide
    Arbitrary<String> hotFrames() {
        Arbitrary<String> valid = validHotFrames();
        Arbitrary<String> replacement = Arbitraries.of("", " ", "-1", "0", "-0", "1", "1.0", "1.5", "1e2", "1e400",
                "\"x\"", "null", "[]", "{}", "true", "false", "99999999999999999999", "2147483648", "4294967295",
                "-2147483648", "-2147483649", "999999999999999999", "1000000000000000000", "9223372036854775807",
                "-9223372036854775808", "00", "-", "1-",
                "4294967296", "[[[[", "}", "{", ",", ":", "\"Id\"", "\"Id\":1,", "\"Value\":1,", "\"Value\"",
                "\"Vibrate\"", "\"Position\"", "\"HwPositionWithDuration\"", "\"Duration\":5,", "\"Battery\"",
                "\"Read\"", "\"Ping\"", "\"Ok\"", "\"Inputs\":true,", "\"DeviceIndex\":null,", "/*c*/", "\\u0041");
        return Arbitraries.oneOf(
                FrameMutations.mutate(valid, Arbitraries.integers().between(0, 10_000),
                        Arbitraries.integers().between(0, 8), replacement),
                FrameMutations.mutate(valid, Arbitraries.integers().between(0, 10_000),
                        Arbitraries.integers().between(0, 3), replacement),
                valid.map(f -> f + f),
                valid.map(f -> f.replace("Id", "Ix")),
                valid.map(f -> f.replace("Value", "Speed")));
    }

    static Arbitrary<Message> hotMessages() {
        Arbitrary<Message> client = MessageArbitraries.clientMessages()
                .filter(m -> m instanceof OutputCmd || m instanceof InputCmd || m instanceof StopCmd
                        || m instanceof Ping)
                .map(m -> m);
        Arbitrary<Message> server = MessageArbitraries.serverMessages()
                .filter(m -> m instanceof Ok || m instanceof InputReading)
                .map(m -> m);
        return Arbitraries.oneOf(client, server);
    }

    private static List<Message> treeDecode(String frame) {
        List<Message> out = new ArrayList<>();
        for (WireEntry entry : FrameReader.read(frame, MAX)) {
            out.add(JsonCodec.decode(entry));
        }
        return out;
    }
}
