package io.github.buttplugjava.core.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.core.codec.internal.FrameReader;
import io.github.buttplugjava.core.codec.internal.HotFrameReader;
import io.github.buttplugjava.core.codec.internal.HotFrameReader.Direction;
import io.github.buttplugjava.core.codec.internal.WireEntry;
import io.github.buttplugjava.core.message.DeviceList;
import io.github.buttplugjava.core.message.Message;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The streaming DeviceList decode answers exactly as the tree path or steps aside: on valid and
 * mutated device lists it either answers null or the tree path's message, and never answers for a
 * frame the tree path rejects.
 */
class HotDeviceListReaderTest {
    private static final int MAX = 1 << 20;
    private final JsonCodec json = new JsonCodec();

    @Property(tries = 3000)
    void streamingAgreesWithTheTreeOrStepsAside(@ForAll("deviceListFrames") String frame) {
        List<Message> hot = HotFrameReader.read(frame, MAX, Direction.TO_CLIENT);
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
    void everyValidDeviceListTakesTheStreamingPath(@ForAll("validFrames") String frame) {
        List<Message> hot = HotFrameReader.read(frame, MAX, Direction.TO_CLIENT);
        assertThat(hot).as(frame).isNotNull().isEqualTo(treeDecode(frame));
    }

    @Example
    void aServerDoesNotReadADeviceList() {
        String frame = json.encode(List.of(new DeviceList(0, List.of())));
        assertThat(HotFrameReader.read(frame, MAX, Direction.TO_SERVER)).isNull();
        assertThat(HotFrameReader.read(frame, MAX, Direction.TO_CLIENT)).containsExactly(new DeviceList(0, List.of()));
    }

    @Example
    void nullOptionalsAreAbsentAndUnknownTypesStepAside() {
        String device = "{\"DeviceName\":\"T\",\"DeviceIndex\":3,\"DeviceMessageTimingGap\":0,"
                + "\"DeviceDisplayName\":null,\"DeviceFeatures\":{\"0\":{\"FeatureIndex\":0,"
                + "\"FeatureDescription\":\"\",\"Output\":null,\"Input\":null}}}";
        String frame = "[{\"DeviceList\":{\"Id\":1,\"Devices\":{\"3\":" + device + "}}}]";
        assertThat(HotFrameReader.read(frame, MAX, Direction.TO_CLIENT)).isEqualTo(treeDecode(frame));
        String unknown = frame.replace("\"Output\":null", "\"Output\":{\"Squirt\":{\"Value\":[0,1]}}");
        assertThat(HotFrameReader.read(unknown, MAX, Direction.TO_CLIENT)).isNull();
        assertThat(json.decode(unknown)).isEqualTo(treeDecode(frame));
        String misKeyed = frame.replace("\"3\":", "\"03\":");
        assertThat(HotFrameReader.read(misKeyed, MAX, Direction.TO_CLIENT)).isNull();
    }

    @Provide
    Arbitrary<String> validFrames() {
        Arbitrary<DeviceList> lists = MessageArbitraries.deviceLists(MessageArbitraries.serverIds());
        return Arbitraries.oneOf(
                lists.map(m -> json.encode(List.of(m))),
                lists.map(m -> json.encode(List.of(m)).replace(",", " ,\n\t").replace(":", " : ")));
    }

    @Provide
    Arbitrary<String> deviceListFrames() {
        Arbitrary<String> valid = validFrames();
        Arbitrary<String> replacement = Arbitraries.of("", " ", "-1", "0", "-0", "1", "01", "1.0", "1e2",
                "\"x\"", "null", "[]", "{}", "[1]", "[1,2,3]", "[2,1]", "true", "2147483648", "-2147483649",
                "4294967296", "99999999999999999999", "[[[[", "}", "{", ",", ":", "\"Id\":1,",
                "\"Value\":[0,1],", "\"Duration\":[0,1],", "\"Vibrate\"", "\"Battery\"", "\"Read\"",
                "\"Subscribe\"", "\"FeatureIndex\":0,", "\"DeviceIndex\":0,", "\"DeviceDisplayName\":null,",
                "\"Output\":null,", "\"Input\":{},", "\"0\":", "\"1\":", "/*c*/", "\\u0041");
        return Arbitraries.oneOf(
                FrameMutations.mutate(valid, Arbitraries.integers().between(0, 10_000),
                        Arbitraries.integers().between(0, 8), replacement),
                FrameMutations.mutate(valid, Arbitraries.integers().between(0, 10_000),
                        Arbitraries.integers().between(0, 2), replacement),
                valid.map(f -> f.replace("\"Value\"", "\"Values\"")),
                valid.map(f -> f.replace("FeatureIndex\":1", "FeatureIndex\":2")),
                valid.map(f -> f.replace("\"Vibrate\"", "\"vibrate\"")));
    }

    private static List<Message> treeDecode(String frame) {
        List<Message> out = new ArrayList<>();
        for (WireEntry entry : FrameReader.read(frame, MAX)) {
            out.add(JsonCodec.decode(entry));
        }
        return out;
    }
}
