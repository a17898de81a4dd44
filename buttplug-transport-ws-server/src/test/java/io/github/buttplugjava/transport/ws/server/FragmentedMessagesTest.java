package io.github.buttplugjava.transport.ws.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.buttplugjava.testsupport.RawWebSocket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Text messages sent in fragments (a text frame that is not final, then continuation frames): put
 * together whole by the server's link, held to the same size bound as a message in one frame, and
 * refused with a close when the fragments come out of sequence.
 */
class FragmentedMessagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_FRAME = 4 * 1024;
    private static final String HANDSHAKE = "[{\"RequestServerInfo\":{\"Id\":1,\"ClientName\":\"fragments ☃\","
            + "\"ProtocolVersionMajor\":4,\"ProtocolVersionMinor\":0}}]";

    private SimServerRig rig;
    private Bystander bystander;

    @BeforeEach
    void setUp() throws Exception {
        rig = new SimServerRig(Duration.ZERO, MAX_FRAME);
        rig.awaitDeviceListed();
        bystander = Bystander.on(rig);
    }

    @AfterEach
    void tearDown() {
        bystander.close();
        rig.close();
    }

    private static JsonNode onlyMessage(RawWebSocket.Frame frame) throws IOException {
        assertThat(frame.opcode()).as("a text frame, got close %s %s", frame.closeCode(), frame.closeReason())
                .isEqualTo(RawWebSocket.TEXT);
        return JSON.readTree(frame.text()).get(0);
    }

    @Test
    void aMessageInFragmentsWithAPingBetweenThemIsHandledWhole() throws Exception {
        byte[] bytes = HANDSHAKE.getBytes(StandardCharsets.UTF_8);
        int snowman = HANDSHAKE.indexOf('☃');
        int split = new String(bytes, StandardCharsets.UTF_8).substring(0, snowman).getBytes(StandardCharsets.UTF_8)
                .length + 1; // inside the snowman's three bytes: only the whole message is valid UTF-8
        try (RawWebSocket raw = RawWebSocket.open(rig.server.port(), "/")) {
            raw.send(RawWebSocket.TEXT, Arrays.copyOfRange(bytes, 0, split), false);
            raw.send(RawWebSocket.PING, new byte[] {7}, true);
            RawWebSocket.Frame pong = raw.read();
            assertThat(pong.opcode()).isEqualTo(RawWebSocket.PONG);
            assertThat(pong.payload()).containsExactly(7);
            raw.send(RawWebSocket.CONTINUATION, Arrays.copyOfRange(bytes, split, split + 10), false);
            raw.send(RawWebSocket.CONTINUATION, Arrays.copyOfRange(bytes, split + 10, bytes.length), true);

            assertThat(onlyMessage(raw.read()).has("ServerInfo")).isTrue();
            assertThat(rig.buttplug.sessions()).hasSize(2);
        }
        bystander.isStillServed();
    }

    @Test
    void manySmallFragmentsAddUpToOneMessage() throws Exception {
        byte[] bytes = HANDSHAKE.getBytes(StandardCharsets.UTF_8);
        try (RawWebSocket raw = RawWebSocket.open(rig.server.port(), "/")) {
            raw.send(RawWebSocket.TEXT, Arrays.copyOfRange(bytes, 0, 1), false);
            for (int i = 1; i < bytes.length; i++) {
                raw.send(RawWebSocket.CONTINUATION, Arrays.copyOfRange(bytes, i, i + 1), i == bytes.length - 1);
            }
            assertThat(onlyMessage(raw.read()).has("ServerInfo")).isTrue();
        }
    }

    @Test
    void fragmentsAddingUpPastTheBoundCloseTheLinkWith1009() throws Exception {
        byte[] part = new byte[MAX_FRAME / 2];
        Arrays.fill(part, (byte) ' ');
        try (RawWebSocket raw = RawWebSocket.open(rig.server.port(), "/")) {
            raw.send(RawWebSocket.TEXT, part, false);
            raw.send(RawWebSocket.CONTINUATION, part, false); // exactly the bound: still taken
            raw.send(RawWebSocket.CONTINUATION, new byte[] {' '}, true);

            RawWebSocket.Frame close = raw.readUntilClose();
            assertThat(close.closeCode()).isEqualTo(1009);
            assertThat(close.closeReason()).contains("larger than " + MAX_FRAME);
        }
        bystander.isStillServed();
    }

    @Test
    void aContinuationWithNoMessageStartedIsAProtocolError() throws Exception {
        try (RawWebSocket raw = RawWebSocket.open(rig.server.port(), "/")) {
            raw.send(RawWebSocket.CONTINUATION, HANDSHAKE.getBytes(StandardCharsets.UTF_8), true);

            assertThat(raw.readUntilClose().closeCode()).isEqualTo(1002);
        }
        bystander.isStillServed();
    }

    @Test
    void aNewMessageInsideAFragmentedOneIsAProtocolError() throws Exception {
        try (RawWebSocket raw = RawWebSocket.open(rig.server.port(), "/")) {
            raw.send(RawWebSocket.TEXT, "[{\"Ping\":".getBytes(StandardCharsets.UTF_8), false);
            raw.sendText(HANDSHAKE);

            assertThat(raw.readUntilClose().closeCode()).isEqualTo(1002);
        }
        bystander.isStillServed();
    }

    @Test
    void aBinaryMessageInFragmentsIsRefusedAtItsFirstFrame() throws Exception {
        try (RawWebSocket raw = RawWebSocket.open(rig.server.port(), "/")) {
            raw.send(RawWebSocket.BINARY, new byte[] {1, 2}, false);
            raw.send(RawWebSocket.CONTINUATION, new byte[] {3}, true);

            assertThat(raw.readUntilClose().closeCode()).isEqualTo(1003);
        }
        bystander.isStillServed();
    }
}
