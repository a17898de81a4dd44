package io.github.buttplugjava.core.codec;

import static io.github.buttplugjava.core.codec.JsonTrees.tree;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.core.message.DeviceList;
import io.github.buttplugjava.core.message.ErrorCode;
import io.github.buttplugjava.core.message.Ok;
import io.github.buttplugjava.core.message.Ping;
import io.github.buttplugjava.core.message.RequestServerInfo;
import io.github.buttplugjava.core.message.ServerInfo;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerCodecHandshakeTest {
    private final ServerCodec codec = new ServerCodec(() -> new DeviceList(0, List.of()),
            ServerCodec.DEFAULT_MAX_FRAME_CHARS);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "v0 no version field|{\"Id\":1,\"ClientName\":\"c\"}|V0",
        "v1 MessageVersion|{\"Id\":1,\"ClientName\":\"c\",\"MessageVersion\":1}|V1",
        "v3 MessageVersion|{\"Id\":1,\"ClientName\":\"c\",\"MessageVersion\":3}|V3",
        "v4 ProtocolVersionMajor|{\"Id\":1,\"ClientName\":\"c\",\"ProtocolVersionMajor\":4,\"ProtocolVersionMinor\":0}|V4",
    })
    void firstRequestServerInfoFixesTheVersion(String what, String body, SpecVersion version) {
        List<Decoded> decoded = codec.decode("[{\"RequestServerInfo\":" + body + "}]");
        assertThat(decoded).singleElement().isInstanceOf(Decoded.Request.class);
        assertThat(((Decoded.Request) decoded.get(0)).commands().get(0))
                .isEqualTo(new RequestServerInfo(1, "c", version.major(), 0));
        assertThat(codec.version()).contains(version);
    }

    @Test
    void versionIsSetOnlyOnce() {
        codec.decode("[{\"RequestServerInfo\":{\"Id\":1,\"ClientName\":\"c\",\"MessageVersion\":2}}]");
        List<Decoded> again = codec.decode("[{\"RequestServerInfo\":{\"Id\":2,\"ClientName\":\"c\","
                + "\"ProtocolVersionMajor\":4,\"ProtocolVersionMinor\":0}}]");
        assertThat(again).singleElement().isInstanceOf(Decoded.Request.class);
        assertThat(codec.version()).contains(SpecVersion.V2);
    }

    @Test
    void newerMajorIsPassedOnForTheServerToRefuse() {
        List<Decoded> decoded = codec.decode("[{\"RequestServerInfo\":{\"Id\":1,\"ClientName\":\"c\","
                + "\"ProtocolVersionMajor\":5,\"ProtocolVersionMinor\":0}}]");
        assertThat(((Decoded.Request) decoded.get(0)).commands().get(0))
                .isEqualTo(new RequestServerInfo(1, "c", 5, 0));
        assertThat(codec.version()).isEmpty();
    }

    @Test
    void beforeTheHandshakeV4MessagesDecodeLegacyOnesGetErrorInitMalformedOnesErrorMsg() {
        List<Decoded> decoded = codec.decode("[{\"Ping\":{\"Id\":3}},{\"StopAllDevices\":{\"Id\":4}},"
                + "{\"OutputCmd\":{\"Id\":5}},{\"Tickle\":{\"Id\":6}}]");
        assertThat(decoded.get(0)).isEqualTo(new Decoded.Request(3, "Ping", List.of(new Ping(3))));
        // a well-formed message of an older version: RequestServerInfo expected
        assertThat(decoded.get(1)).isInstanceOfSatisfying(Decoded.Rejected.class,
                r -> assertThat(r.error().code()).isEqualTo(ErrorCode.INIT));
        // a malformed one (OutputCmd without its fields) or an unknown one: malformed, in any state
        assertThat(decoded.subList(2, 4)).allSatisfy(d -> assertThat(d).isInstanceOfSatisfying(Decoded.Rejected.class,
                r -> assertThat(r.error().code()).isEqualTo(ErrorCode.MSG)));
        assertThat(decoded.stream().map(Decoded::id)).containsExactly(3L, 4L, 5L, 6L);
    }

    @Test
    void badMessagesInAFrameAreRejectedOneByOne() {
        codec.decode("[{\"RequestServerInfo\":{\"Id\":1,\"ClientName\":\"c\",\"ProtocolVersionMajor\":4,"
                + "\"ProtocolVersionMinor\":0}}]");
        List<Decoded> decoded = codec.decode("[{\"Ping\":{\"Id\":2}},{\"Ping\":{\"Id\":0}},"
                + "{\"Ping\":{\"Id\":5,\"X\":1}},{\"StopAllDevices\":{\"Id\":6}}]");
        assertThat(decoded).hasSize(4);
        assertThat(decoded.get(0)).isInstanceOf(Decoded.Request.class);
        assertThat(decoded.subList(1, 4)).allSatisfy(d -> {
            assertThat(d).isInstanceOf(Decoded.Rejected.class);
            assertThat(((Decoded.Rejected) d).error().code()).isEqualTo(ErrorCode.MSG);
        });
        assertThat(decoded.stream().map(Decoded::id)).containsExactly(2L, 0L, 5L, 6L);
    }

    @Test
    void malformedFrameIsOneRejectionWithIdZero() {
        assertThat(codec.decode("[{\"Ping\":")).singleElement().isInstanceOfSatisfying(
                Decoded.Rejected.class, r -> {
                    assertThat(r.id()).isZero();
                    assertThat(r.error()).isInstanceOf(DecodeException.class);
                });
        assertThat(codec.decode("[]")).singleElement().isInstanceOf(Decoded.Rejected.class);
    }

    @Test
    void encodesV4BeforeAndAfterTheHandshake() {
        assertThat(tree(codec.encode(List.of(new Ok(1))).orElseThrow()))
                .isEqualTo(tree("[{\"Ok\":{\"Id\":1}}]"));
        codec.decode("[{\"RequestServerInfo\":{\"Id\":1,\"ClientName\":\"c\",\"ProtocolVersionMajor\":4,"
                + "\"ProtocolVersionMinor\":0}}]");
        assertThat(tree(codec.encode(List.of(new ServerInfo(1, "Test Server", 4, 0, 100))).orElseThrow()))
                .isEqualTo(tree("[{\"ServerInfo\":{\"Id\":1,\"ServerName\":\"Test Server\",\"MaxPingTime\":100,"
                        + "\"ProtocolVersionMajor\":4,\"ProtocolVersionMinor\":0}}]"));
    }

    @Test
    void unchangedDeviceListEventIsSuppressedForV4() {
        codec.decode("[{\"RequestServerInfo\":{\"Id\":1,\"ClientName\":\"c\",\"ProtocolVersionMajor\":4,"
                + "\"ProtocolVersionMinor\":0}}]");
        DeviceList empty = new DeviceList(0, List.of());
        assertThat(codec.encode(List.of(new DeviceList(2, List.of())))).isPresent();
        assertThat(codec.encode(List.of(empty))).isEmpty();
    }
}
