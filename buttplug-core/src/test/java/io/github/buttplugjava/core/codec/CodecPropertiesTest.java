package io.github.buttplugjava.core.codec;

import static io.github.buttplugjava.core.codec.JsonTrees.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.buttplugjava.core.message.ClientMessage;
import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.DeviceInfo;
import io.github.buttplugjava.core.message.DeviceList;
import io.github.buttplugjava.core.message.ErrorCode;
import io.github.buttplugjava.core.message.OutputCmd;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputLimits;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.RequestServerInfo;
import io.github.buttplugjava.core.message.ServerInfo;
import io.github.buttplugjava.core.message.ServerMessage;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Property tests: valid messages round-trip at every version; bad frames never escape as other exceptions. */
class CodecPropertiesTest {
    private final JsonCodec json = new JsonCodec();

    @Provide
    Arbitrary<ClientMessage> clientMessages() {
        return MessageArbitraries.clientMessages();
    }

    @Provide
    Arbitrary<ServerMessage> serverMessages() {
        return MessageArbitraries.serverMessages();
    }

    @Provide
    Arbitrary<DeviceList> deviceLists() {
        return MessageArbitraries.deviceLists(MessageArbitraries.clientIds());
    }

    @Provide
    Arbitrary<SpecVersion> legacyVersions() {
        return Arbitraries.of(SpecVersion.V0, SpecVersion.V1, SpecVersion.V2, SpecVersion.V3);
    }

    @Property(tries = 300)
    void v4ClientMessagesRoundTrip(@ForAll("clientMessages") ClientMessage message) {
        String frame = json.encode(List.of(message));
        assertThat(Schemas.errorsAgainstAll(frame)).as(frame).isEmpty();
        assertThat(json.decode(frame)).containsExactly(message);
        ServerCodec server = new ServerCodec(() -> new DeviceList(0, List.of()), 1 << 20);
        server.decode("[{\"RequestServerInfo\":{\"Id\":1,\"ClientName\":\"p\",\"ProtocolVersionMajor\":4,"
                + "\"ProtocolVersionMinor\":0}}]");
        assertThat(server.decode(new ClientCodec(SpecVersion.V4, 1 << 20).encode(List.of(message))))
                .containsExactly(new Decoded.Request(message.id(), message.messageName(), List.of(message)));
    }

    @Property(tries = 300)
    void v4ServerMessagesRoundTrip(@ForAll("serverMessages") ServerMessage message) {
        String frame = json.encode(List.of(message));
        assertThat(Schemas.errorsAgainstAll(frame)).as(frame).isEmpty();
        assertThat(json.decode(frame)).containsExactly(message);
        assertThat(new ClientCodec(SpecVersion.V4, 1 << 20).decode(frame)).containsExactly(message);
    }

    @Property(tries = 200)
    void legacyRepliesRoundTrip(@ForAll("legacyVersions") SpecVersion version,
                                @ForAll("serverMessages") ServerMessage message) {
        ServerMessage sent = message instanceof ServerInfo info
                ? new ServerInfo(info.id(), info.serverName(), version.major(), 0, info.maxPingTimeMs()) : message;
        if (sent instanceof DeviceList) {
            return; // device lists have their own property
        }
        ServerCodec server = handshaken(version, new DeviceList(0, List.of()));
        java.util.Optional<String> frame = server.encode(List.of(sent));
        if (frame.isEmpty()) {
            assertThat(sent.messageName()).isEqualTo("InputReading"); // no request was remembered
            return;
        }
        assertThat(Schemas.errorsAgainstAll(frame.get())).as(frame.get()).isEmpty();
        List<ServerMessage> back = new ClientCodec(version, 1 << 20).decode(frame.get());
        assertThat(back).containsExactly(sent);
    }

    @Property(tries = 200)
    void legacyDeviceListsValidateAndAreStable(@ForAll("legacyVersions") SpecVersion version,
                                               @ForAll("deviceLists") DeviceList list) {
        String frame = handshaken(version, list).encode(List.of(list)).orElseThrow();
        assertThat(Schemas.errorsAgainstAll(frame)).as(frame).isEmpty();
        ClientCodec client = new ClientCodec(version, 1 << 20);
        DeviceList rebuilt = (DeviceList) client.decode(frame).get(0);
        assertThat(rebuilt.id()).isEqualTo(list.id());
        assertThat(rebuilt.devices()).extracting(DeviceInfo::deviceIndex)
                .containsExactlyElementsOf(list.devices().stream().map(DeviceInfo::deviceIndex).toList());
        String again = handshaken(version, rebuilt).encode(List.of(rebuilt)).orElseThrow();
        assertSameDescriptions(version, tree(again), tree(frame));

        ServerCodec events = handshaken(version, list);
        java.util.Optional<String> added = events.encode(List.of(list.withId(0)));
        assertThat(added.isPresent()).isEqualTo(!list.devices().isEmpty());
        added.ifPresent(f -> {
            assertThat(Schemas.errorsAgainstAll(f)).as(f).isEmpty();
            List<ServerMessage> seen = new ClientCodec(version, 1 << 20).decode(f);
            assertThat(((DeviceList) seen.get(seen.size() - 1)).devices()).hasSameSizeAs(list.devices());
        });
    }

    /** v3 lists a bidirectional rotator under RotateCmd and ScalarCmd; rebuilt, it adds ScalarCmd entries at the end. */
    private static void assertSameDescriptions(SpecVersion version, JsonNode again, JsonNode original) {
        if (version == SpecVersion.V3) {
            for (int i = 0; i < original.at("/0/DeviceList/Devices").size(); i++) {
                ObjectNode a = (ObjectNode) again.at("/0/DeviceList/Devices/" + i + "/DeviceMessages");
                ObjectNode o = (ObjectNode) original.at("/0/DeviceList/Devices/" + i + "/DeviceMessages");
                JsonNode scalarA = a.remove("ScalarCmd");
                JsonNode scalarO = o.remove("ScalarCmd");
                for (int j = 0; scalarO != null && j < scalarO.size(); j++) {
                    assertThat(scalarA.get(j)).isEqualTo(scalarO.get(j));
                }
            }
        }
        assertThat(again).isEqualTo(original);
    }

    @Property(tries = 300)
    void legacyCommandsReachTheSameFeatureWithTheSameStep(@ForAll("legacyVersions") SpecVersion version,
                                                          @ForAll("deviceLists") DeviceList list,
                                                          @ForAll @IntRange(min = 0, max = 1000) int pick,
                                                          @ForAll @IntRange(min = 0, max = 1000) int level) {
        ServerCodec server = handshaken(version, list);
        ClientCodec client = new ClientCodec(version, 1 << 20);
        DeviceList known = (DeviceList) client.decode(server.encode(List.of(list.withId(1))).orElseThrow()).get(0);
        List<int[]> outputs = known.devices().stream().flatMap(d -> d.features().stream()
                .filter(f -> !f.outputs().isEmpty()).map(f -> new int[] {d.deviceIndex(), f.featureIndex()})).toList();
        if (outputs.isEmpty()) {
            return;
        }
        int[] target = outputs.get(pick % outputs.size());
        DeviceFeature feature = known.device(target[0]).orElseThrow().feature(target[1]).orElseThrow();
        Map.Entry<OutputType, OutputLimits> output = feature.outputs().entrySet().iterator().next();
        int value = output.getValue().value().min() + level % (output.getValue().value().max()
                - output.getValue().value().min() + 1);
        OutputCommand command = output.getKey() == OutputType.HW_POSITION_WITH_DURATION
                ? OutputCommand.positionWithDuration(value, level) : OutputCommand.of(output.getKey(), value);
        String frame = client.encode(List.of(new OutputCmd(9, target[0], target[1], command)));
        assertThat(Schemas.errorsAgainstAll(frame)).as(frame).isEmpty();
        Decoded decoded = server.decode(frame).get(0);
        assertThat(decoded).as(frame).isInstanceOf(Decoded.Request.class);
        for (ClientMessage m : ((Decoded.Request) decoded).commands()) {
            OutputCmd cmd = (OutputCmd) m;
            OutputLimits real = list.device(cmd.deviceIndex()).orElseThrow().feature(cmd.featureIndex())
                    .orElseThrow().output(cmd.command().type()).orElseThrow();
            assertThat(real.value().contains(cmd.command().value())).as("%s in %s", cmd, real).isTrue();
            if (version.atLeast(SpecVersion.V2)) {
                assertThat(cmd.command()).isEqualTo(command);
            }
        }
    }

    @Provide
    Arbitrary<ClientMessage> legacyRequests() {
        Arbitrary<Long> ids = MessageArbitraries.clientIds();
        return Arbitraries.oneOf(ids.map(io.github.buttplugjava.core.message.Ping::new),
                ids.map(io.github.buttplugjava.core.message.StartScanning::new),
                ids.map(io.github.buttplugjava.core.message.StopScanning::new),
                ids.map(io.github.buttplugjava.core.message.RequestDeviceList::new),
                ids.map(io.github.buttplugjava.core.message.StopCmd::all),
                ids.map(id -> io.github.buttplugjava.core.message.StopCmd.device(id, 1)),
                ids.map(id -> new io.github.buttplugjava.core.message.InputCmd(id, 1, 2,
                        io.github.buttplugjava.core.message.InputType.BATTERY,
                        io.github.buttplugjava.core.message.InputCommandType.READ)));
    }

    @Property(tries = 300)
    void legacyRequestsRoundTrip(@ForAll("legacyVersions") SpecVersion version,
                                 @ForAll("legacyRequests") ClientMessage message) {
        DeviceList devices = new DeviceList(0, List.of(TestDevices.aneros(0), TestDevices.edge(1)));
        ServerCodec server = handshaken(version, devices);
        ClientCodec client = new ClientCodec(version, 1 << 20);
        client.decode(server.encode(List.of(devices.withId(1))).orElseThrow());
        if (message instanceof io.github.buttplugjava.core.message.InputCmd && !version.atLeast(SpecVersion.V2)) {
            return; // no battery message before v2
        }
        String frame = client.encode(List.of(message));
        assertThat(Schemas.errorsAgainstAll(frame)).as(frame).isEmpty();
        Decoded decoded = server.decode(frame).get(0);
        assertThat(decoded).as(frame).isInstanceOf(Decoded.Request.class);
        assertThat(((Decoded.Request) decoded).commands()).containsExactly(message);
    }

    @Property(tries = 500)
    void randomTextNeverEscapesAsAnotherException(@ForAll("legacyVersions") SpecVersion version,
                                                  @ForAll String text) {
        assertOnlyDecodeErrors(version, text);
    }

    @Property(tries = 1000)
    void mutatedFramesNeverEscapeAsAnotherException(@ForAll("legacyVersions") SpecVersion version,
                                                    @ForAll("mutatedFrames") String frame) {
        assertOnlyDecodeErrors(version, frame);
        assertOnlyDecodeErrors(SpecVersion.V4, frame);
    }

    @Provide
    Arbitrary<String> mutatedFrames() {
        Arbitrary<String> valid = Arbitraries.oneOf(
                MessageArbitraries.clientMessages().map(m -> json.encode(List.of(m))),
                MessageArbitraries.serverMessages().map(m -> json.encode(List.of(m))),
                Arbitraries.of(SpecExamplesTest.examples().map(f -> JsonTrees.resource("spec-examples/" + f)).toList()));
        Arbitrary<String> replacement = Arbitraries.of("", "-1", "0", "1.5", "1e400", "\"x\"", "null", "[]", "{}",
                "true", "99999999999999999999", "[[[[", "}", ",", "\"Id\"", "\"Speed\":2", "4294967296");
        return Arbitraries.oneOf(
                FrameMutations.mutate(valid, Arbitraries.integers().between(0, 10_000),
                        Arbitraries.integers().between(0, 8), replacement),
                valid.map(f -> f + f),
                valid.map(f -> f.replace("Id", "Ix")),
                valid.map(f -> f.replace("Cmd", "Command")));
    }

    private static void assertOnlyDecodeErrors(SpecVersion version, String frame) {
        DeviceList devices = new DeviceList(0, List.of(TestDevices.kitchenSink(0), TestDevices.edge(1)));
        for (Decoded d : handshaken(version, devices).decode(frame)) {
            if (d instanceof Decoded.Rejected r) {
                assertThat(r.error().code()).isIn(ErrorCode.MSG, ErrorCode.DEVICE, ErrorCode.INIT);
            }
        }
        try {
            new ClientCodec(version, 1 << 20).decode(frame);
        } catch (DecodeException expected) {
            assertThat(expected.code()).isEqualTo(ErrorCode.MSG);
        }
        try {
            new JsonCodec().decode(frame);
        } catch (DecodeException expected) {
            assertThat(expected.id()).isBetween(0L, 0xFFFF_FFFFL);
        }
    }

    static ServerCodec handshaken(SpecVersion version, DeviceList devices) {
        ServerCodec server = new ServerCodec(() -> devices, 1 << 20);
        List<Decoded> d = server.decode(new ClientCodec(version, 1 << 20)
                .encode(List.of(new RequestServerInfo(1, "p", version.major(), 0))));
        assertThat(d).singleElement().isInstanceOf(Decoded.Request.class);
        return server;
    }

}
