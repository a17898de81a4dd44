package io.github.buttplugjava.core.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.core.ButtplugException;
import io.github.buttplugjava.core.codec.internal.FrameReader;
import io.github.buttplugjava.core.codec.internal.LegacyClientReader;
import io.github.buttplugjava.core.codec.internal.LegacyHotReader;
import io.github.buttplugjava.core.codec.internal.LegacyRequestReader;
import io.github.buttplugjava.core.codec.internal.LegacyViews;
import io.github.buttplugjava.core.codec.internal.PendingReadings;
import io.github.buttplugjava.core.codec.internal.WireEntry;
import io.github.buttplugjava.core.message.DeviceList;
import io.github.buttplugjava.core.message.Ok;
import io.github.buttplugjava.core.message.OutputCmd;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.ServerMessage;
import io.github.buttplugjava.core.message.StopCmd;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The legacy streaming path decodes exactly what the tree path decodes, or hands the frame back: on
 * any frame, valid or mutated, it answers null or the same requests (same v4 commands, same rounding,
 * same features) as the tree path, and never answers for a frame the tree path rejects in any part.
 */
class LegacyHotReaderTest {
    private static final int MAX = 1 << 20;
    /** Devices 0..3; index 4 is absent. */
    private static final DeviceList DEVICES = new DeviceList(0, List.of(TestDevices.edge(0),
            TestDevices.aneros(1), TestDevices.stroker(2), TestDevices.kitchenSink(3)));

    @Property(tries = 3000)
    void serverSideAgreesWithTheTreeOrStepsAside(@ForAll("requestFrames") String frame,
                                                 @ForAll("legacyVersions") SpecVersion version) {
        List<Decoded> hot = LegacyHotReader.readRequests(frame, MAX, version, () -> DEVICES, new LegacyViews());
        List<Decoded> tree = treeRequests(frame, version);
        if (tree == null || tree.stream().anyMatch(d -> d instanceof Decoded.Rejected)) {
            assertThat(hot).as(frame).isNull();
        } else if (hot != null) {
            assertThat(hot).as(frame).isEqualTo(tree);
        }
    }

    @Property(tries = 500)
    void everyValidV1RequestOnAListedDeviceTakesTheStreamingPath(@ForAll("validRequestFrames") String frame) {
        List<Decoded> tree = treeRequests(frame, SpecVersion.V1);
        List<Decoded> hot = LegacyHotReader.readRequests(frame, MAX, SpecVersion.V1, () -> DEVICES, new LegacyViews());
        if (tree.stream().allMatch(d -> d instanceof Decoded.Request)) {
            assertThat(hot).as(frame).isEqualTo(tree);
        } else {
            assertThat(hot).as(frame).isNull();
        }
    }

    @Property(tries = 1000)
    void clientSideOksAgreeWithTheTreeOrStepAside(@ForAll("okFrames") String frame) {
        List<ServerMessage> hot = LegacyHotReader.readOks(frame, MAX);
        List<ServerMessage> tree;
        try {
            tree = new ClientCodecTreeOnly().decode(frame);
        } catch (ButtplugException rejected) {
            assertThat(hot).as(frame).isNull();
            return;
        }
        if (hot != null) {
            assertThat(hot).as(frame).isEqualTo(tree);
        }
    }

    @Example
    void aSessionOfVersionOneDecodesAndAnswersAsBefore() {
        ServerCodec codec = new ServerCodec(() -> DEVICES, MAX);
        codec.decode("[{\"RequestServerInfo\":{\"Id\":1,\"ClientName\":\"t\",\"MessageVersion\":1}}]");
        assertThat(codec.decode("[{\"VibrateCmd\":{\"Id\":2,\"DeviceIndex\":0,\"Speeds\":"
                + "[{\"Index\":1,\"Speed\":0.26},{\"Index\":0,\"Speed\":1}]}}]"))
                .containsExactly(new Decoded.Request(2, "VibrateCmd", List.of(
                        new OutputCmd(2, 0, 1, OutputCommand.of(OutputType.VIBRATE, 6)),
                        new OutputCmd(2, 0, 0, OutputCommand.of(OutputType.VIBRATE, 20)))));
        assertThat(codec.decode("[{\"StopDeviceCmd\":{\"DeviceIndex\":1,\"Id\":3}}]"))
                .containsExactly(new Decoded.Request(3, "StopDeviceCmd", List.of(StopCmd.device(3, 1))));
        // a device that is not listed keeps the tree path's error
        assertThat(codec.decode("[{\"VibrateCmd\":{\"Id\":4,\"DeviceIndex\":4,\"Speeds\":[{\"Index\":0,\"Speed\":0.5}]}}]"))
                .singleElement().isInstanceOf(Decoded.Rejected.class);
        assertThat(codec.encode(List.of(new Ok(2)))).contains("[{\"Ok\":{\"Id\":2}}]");
    }

    @Example
    void aVersionOneClientCodecReadsOksOnTheStreamingPath() {
        ClientCodec codec = new ClientCodec(SpecVersion.V1, MAX);
        assertThat(codec.decode("[{\"Ok\":{\"Id\":7}}]")).containsExactly(new Ok(7));
        assertThat(LegacyHotReader.readOks("[{\"Ok\":{\"Id\":7}}]", MAX)).containsExactly(new Ok(7));
        assertThat(LegacyHotReader.readOks("[{\"Ok\":{\"Id\":7,\"Id\":8}}]", MAX)).isNull();
        assertThat(LegacyHotReader.readOks("[{\"Ok\":{\"Id\":7}}]", 5)).isNull();
    }

    @Provide
    Arbitrary<SpecVersion> legacyVersions() {
        return Arbitraries.of(SpecVersion.V0, SpecVersion.V1, SpecVersion.V2, SpecVersion.V3);
    }

    @Provide
    Arbitrary<String> validRequestFrames() {
        Arbitrary<String> one = requestMessages();
        return Arbitraries.oneOf(
                one.map(m -> "[" + m + "]"),
                one.list().ofMinSize(2).ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]"),
                one.map(m -> ("[" + m + "]").replace(",", " ,\n\t").replace(":", " : ")));
    }

    @Provide
    Arbitrary<String> requestFrames() {
        return mutated(validRequestFrames());
    }

    @Provide
    Arbitrary<String> okFrames() {
        Arbitrary<String> one = Arbitraries.longs().between(0, 4_294_967_295L).map(id -> "{\"Ok\":{\"Id\":" + id + "}}");
        return mutated(Arbitraries.oneOf(one.map(m -> "[" + m + "]"),
                one.list().ofMinSize(2).ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]")));
    }

    private static Arbitrary<String> mutated(Arbitrary<String> valid) {
        Arbitrary<String> replacement = Arbitraries.of("", " ", "-1", "0", "-0", "1", "1.0", "1.5", "0.5", "1e2",
                "1e-2", "1e400", "-0.0", "\"x\"", "null", "[]", "{}", "true", "false", "99999999999999999999",
                "2147483648", "4294967295", "4294967296", "[[[[", "}", "{", ",", ":", "\"Id\"", "\"Id\":1,",
                "\"Speed\":1,", "\"Speed\"", "\"Index\":0,", "\"Speeds\"", "\"DeviceIndex\":null,", "\"Ok\"",
                "\"Ping\"", "\"RotateCmd\"", "\"StopDeviceCmd\"", "/*c*/", "\\u0041");
        return Arbitraries.oneOf(
                FrameMutations.mutate(valid, Arbitraries.integers().between(0, 10_000),
                        Arbitraries.integers().between(0, 8), replacement),
                FrameMutations.mutate(valid, Arbitraries.integers().between(0, 10_000),
                        Arbitraries.integers().between(0, 3), replacement),
                valid.map(f -> f + f),
                valid.map(f -> f.replace("Id", "Ix")),
                valid.map(f -> f.replace("Speed\"", "Scalar\"")));
    }

    private static Arbitrary<String> requestMessages() {
        Arbitrary<Long> ids = Arbitraries.oneOf(Arbitraries.longs().between(1, 1000),
                Arbitraries.of(4_294_967_295L));
        Arbitrary<Integer> devices = Arbitraries.integers().between(0, 4);
        Arbitrary<String> speed = Arbitraries.of("0", "1", "0.0", "1.0", "0.25", "0.5", "0.26", "0.999", "1e-3", "5E-1");
        Arbitrary<String> item = Combinators.combine(Arbitraries.integers().between(0, 2), speed)
                .as((i, s) -> "{\"Index\":" + i + ",\"Speed\":" + s + "}");
        Arbitrary<String> vibrate = Combinators.combine(ids, devices, item.list().ofMinSize(1).ofMaxSize(3))
                .as((id, d, items) -> "{\"VibrateCmd\":{\"Id\":" + id + ",\"DeviceIndex\":" + d
                        + ",\"Speeds\":[" + String.join(",", items) + "]}}");
        Arbitrary<String> stop = Combinators.combine(ids, devices)
                .as((id, d) -> "{\"StopDeviceCmd\":{\"DeviceIndex\":" + d + ",\"Id\":" + id + "}}");
        Arbitrary<String> stopAll = ids.map(id -> "{\"StopAllDevices\":{\"Id\":" + id + "}}");
        Arbitrary<String> ping = ids.map(id -> "{\"Ping\":{\"Id\":" + id + "}}");
        return Arbitraries.frequencyOf(
                Tuple.of(5, vibrate), Tuple.of(2, stop),
                Tuple.of(1, stopAll), Tuple.of(1, ping));
    }

    /** What ServerCodec's tree path gives after a handshake at {@code version}; null when the frame is rejected whole. */
    private static List<Decoded> treeRequests(String frame, SpecVersion version) {
        List<WireEntry> entries;
        try {
            entries = FrameReader.read(frame, MAX);
        } catch (DecodeException e) {
            return null;
        }
        LegacyRequestReader reader = new LegacyRequestReader(new PendingReadings());
        List<Decoded> out = new ArrayList<>();
        for (WireEntry entry : entries) {
            if (entry.problem() != null) {
                out.add(new Decoded.Rejected(entry.problem().id(), entry.problem()));
                continue;
            }
            try {
                if (entry.name().equals("RequestServerInfo")) {
                    out.add(new Decoded.Rejected(0, new DecodeException(0, "not a request of this test")));
                    continue;
                }
                out.add(reader.read(version, entry.name(), entry.body(), DEVICES));
            } catch (ButtplugException e) {
                out.add(new Decoded.Rejected(0, e));
            }
        }
        return out;
    }

    /** The v1 client codec's tree path alone. */
    private static final class ClientCodecTreeOnly {
        private final LegacyClientReader reader = new LegacyClientReader(SpecVersion.V1);

        List<ServerMessage> decode(String frame) {
            List<ServerMessage> out = new ArrayList<>();
            for (WireEntry entry : FrameReader.read(frame, MAX)) {
                if (entry.problem() != null) {
                    throw entry.problem();
                }
                reader.read(entry.name(), entry.body()).ifPresent(out::add);
            }
            return out;
        }
    }

    @Example
    void aHandshakeIsNeverTakenByTheStreamingPath() {
        String rsi = "[{\"RequestServerInfo\":{\"Id\":1,\"ClientName\":\"t\",\"MessageVersion\":1}}]";
        assertThat(LegacyHotReader.readRequests(rsi, MAX, SpecVersion.V1, () -> DEVICES, new LegacyViews())).isNull();
    }
}
