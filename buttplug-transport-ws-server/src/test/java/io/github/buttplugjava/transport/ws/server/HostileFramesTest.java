package io.github.buttplugjava.transport.ws.server;

import io.github.buttplugjava.testsupport.RawWebSocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.buttplugjava.core.server.ServerSession;
import io.github.buttplugjava.core.sim.RecordedCommand;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * Malformed and hostile clients against the Buttplug WebSocket server: each gets a spec Error or a
 * clean close, and a well-behaved client on the same server keeps being served throughout.
 */
class HostileFramesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int MAX_FRAME = 64 * 1024;
    private static final String HANDSHAKE = "[{\"RequestServerInfo\":{\"Id\":1,\"ClientName\":\"raw\","
            + "\"ProtocolVersionMajor\":4,\"ProtocolVersionMinor\":0}}]";

    private SimServerRig rig;
    private Bystander bystander;
    private ServerSession bystanderSession;

    @BeforeEach
    void setUp() throws Exception {
        rig = new SimServerRig(Duration.ZERO, MAX_FRAME);
        rig.awaitDeviceListed();
        bystander = Bystander.on(rig);
        assertThat(rig.buttplug.sessions()).hasSize(1);
        bystanderSession = rig.buttplug.sessions().get(0);
    }

    @AfterEach
    void tearDown() {
        bystander.close();
        rig.close();
    }

    /** The single message of a reply frame, as {@code {"Name": {...}}}. */
    private static JsonNode onlyMessage(RawWebSocket.Frame frame) throws IOException {
        assertThat(frame.opcode()).as("a text frame, got close %s %s", frame.closeCode(), frame.closeReason())
                .isEqualTo(RawWebSocket.TEXT);
        JsonNode array = JSON.readTree(frame.text());
        assertThat(array.isArray()).isTrue();
        assertThat(array.size()).isEqualTo(1);
        return array.get(0);
    }

    private static void assertSpecError(RawWebSocket.Frame frame, int code, long id) throws IOException {
        assertSpecError(frame, Set.of(code), id);
    }

    private static void assertSpecError(RawWebSocket.Frame frame, Set<Integer> codes, long id) throws IOException {
        JsonNode error = onlyMessage(frame).get("Error");
        assertThat(error).as("an Error message in %s", frame.text()).isNotNull();
        assertThat(error.get("ErrorCode").asInt()).as(frame.text()).isIn(codes);
        assertThat(error.get("Id").asLong()).as(frame.text()).isEqualTo(id);
        assertThat(error.get("ErrorMessage").asText()).isNotBlank();
    }

    /** Malformed frames sent before the handshake, the spec codes they may get, and the reply Id. */
    static Stream<Arguments> malformedFrames() {
        Set<Integer> msg = Set.of(3);
        // a malformed message that names a client message before the handshake: ERROR_MSG for the
        // malformation or ERROR_INIT for the missing handshake are both spec answers
        Set<Integer> msgOrInit = Set.of(1, 3);
        return Stream.of(
                Arguments.of("not json", msg, 0),
                Arguments.of("", msg, 0),
                Arguments.of("[]", msg, 0),
                Arguments.of("{}", msg, 0),
                Arguments.of("null", msg, 0),
                Arguments.of("[{}]", msg, 0),
                Arguments.of("\u0000\u0001\u0002", msg, 0),
                Arguments.of("[{\"Ping\":{}}]", msgOrInit, 0),
                Arguments.of("[{\"Ping\":{\"Id\":\"x\"}}]", msgOrInit, 0),
                Arguments.of("[{\"Ping\":{\"Id\":-1}}]", msgOrInit, 0),
                Arguments.of("[{\"Ping\":{\"Id\":0}}]", msgOrInit, 0),
                Arguments.of("[{\"Ping\":{\"Id\":4294967296}}]", msgOrInit, 0),
                Arguments.of("[{\"Ping\":{\"Id\":1e999999}}]", msgOrInit, 0),
                Arguments.of("[{\"NoSuchMessage\":{\"Id\":12}}]", msgOrInit, 12),
                Arguments.of("[".repeat(50_000), msg, 0),
                Arguments.of("[" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "]", msg, 0),
                Arguments.of("[{\"StartScanning\":{\"Id\":5}}]", Set.of(1), 5));
    }

    @ParameterizedTest
    @MethodSource("malformedFrames")
    void aMalformedFrameBeforeTheHandshakeGetsASpecError(String frame, Set<Integer> codes, long id) throws Exception {
        try (RawWebSocket raw = RawWebSocket.open(rig.server.port(), "/")) {
            raw.sendText(frame);
            assertSpecError(raw.read(), codes, id);

            // the same socket can still handshake afterwards
            raw.sendText(HANDSHAKE);
            assertThat(onlyMessage(raw.read()).has("ServerInfo")).isTrue();
        }
        bystander.isStillServed();
    }

    @Test
    void wrongIdsAndBadCommandsAfterTheHandshakeGetErrorsWithTheirIds() throws Exception {
        try (RawWebSocket raw = RawWebSocket.open(rig.server.port(), "/")) {
            raw.sendText(HANDSHAKE);
            assertThat(onlyMessage(raw.read()).has("ServerInfo")).isTrue();

            raw.sendText(HANDSHAKE.replace("\"Id\":1", "\"Id\":2"));
            assertSpecError(raw.read(), 1, 2);
            raw.sendText("[{\"OutputCmd\":{\"Id\":3,\"DeviceIndex\":99,\"FeatureIndex\":0,"
                    + "\"Command\":{\"Vibrate\":{\"Value\":10}}}}]");
            assertSpecError(raw.read(), 4, 3);
            raw.sendText("[{\"OutputCmd\":{\"Id\":4,\"DeviceIndex\":0,\"FeatureIndex\":0,"
                    + "\"Command\":{\"Vibrate\":{\"Value\":1000}}}}]");
            assertSpecError(raw.read(), 4, 4);
            raw.sendText("[{\"OutputCmd\":{\"Id\":5,\"DeviceIndex\":0,\"FeatureIndex\":42,"
                    + "\"Command\":{\"Vibrate\":{\"Value\":1}}}}]");
            assertSpecError(raw.read(), 4, 5);
            raw.sendText("[{\"Ping\":{\"Id\":6}}]");
            assertThat(onlyMessage(raw.read()).get("Ok").get("Id").asLong()).isEqualTo(6);
        }
        bystander.isStillServed();
    }

    @Test
    void anOversizeFrameIsClosedWith1009() throws Exception {
        try (RawWebSocket raw = RawWebSocket.open(rig.server.port(), "/")) {
            raw.sendText("[" + " ".repeat(MAX_FRAME * 2) + "]");
            assertThat(raw.readUntilClose().closeCode()).isEqualTo(1009);
        }
        bystander.isStillServed();
    }

    @Test
    void aHugeFrameFarOverTheLimitEndsThatConnection() throws Exception {
        try (RawWebSocket raw = RawWebSocket.open(rig.server.port(), "/")) {
            try {
                raw.sendText("[" + "x".repeat(8 << 20) + "]");
                RawWebSocket.Frame close = raw.readUntilClose();
                assertThat(close.closeCode()).isIn(1009, 1011);
            } catch (IOException dropped) {
                // the server may drop the TCP connection while the frame is still being written
                assertThat(dropped).hasMessageNotContaining("frame too long");
            }
        }
        awaitNoRawSessionsLeft();
        bystander.isStillServed();
    }

    @Test
    void invalidUtf8IsClosedWith1007() throws Exception {
        try (RawWebSocket raw = RawWebSocket.open(rig.server.port(), "/")) {
            raw.send(RawWebSocket.TEXT, new byte[] {'[', (byte) 0xff, (byte) 0xfe, ']'});
            assertThat(raw.readUntilClose().closeCode()).isEqualTo(1007);
        }
        bystander.isStillServed();
    }

    @Test
    void aBinaryFrameIsClosedWith1003() throws Exception {
        try (RawWebSocket raw = RawWebSocket.open(rig.server.port(), "/")) {
            raw.send(RawWebSocket.BINARY, HANDSHAKE.getBytes());
            assertThat(raw.readUntilClose().closeCode()).isEqualTo(1003);
        }
        bystander.isStillServed();
    }

    @Test
    void aClientThatNeverHandshakesDoesNotHoldUpOthersAndIsClosedOnStop() throws Exception {
        try (RawWebSocket silent = RawWebSocket.open(rig.server.port(), "/")) {
            bystander.isStillServed();
            rig.server.stop().get(15, TimeUnit.SECONDS);
            assertThat(silent.readUntilClose().closeCode()).isEqualTo(1001);
        }
    }

    @Test
    void aClientThatNeverHandshakesGetsErrorInitAndACloseAfterTheHandshakeTimeout() throws Exception {
        try (SimServerRig strict = new SimServerRig(Duration.ZERO, MAX_FRAME, Duration.ofMillis(300));
             RawWebSocket silent = RawWebSocket.open(strict.server.port(), "/")) {
            RawWebSocket.Frame first = silent.read();
            assertThat(onlyMessage(first).get("Error").get("ErrorCode").asInt()).as(first.text()).isEqualTo(1);
            RawWebSocket.Frame close = silent.readUntilClose();
            assertThat(close.closeCode()).isIn(1000, 1001);
        }
        bystander.isStillServed();
    }

    @Test
    void aClientThatVanishesMidCommandHasItsOutputsStopped() throws Exception {
        RawWebSocket raw = RawWebSocket.open(rig.server.port(), "/");
        raw.sendText(HANDSHAKE);
        assertThat(onlyMessage(raw.read()).has("ServerInfo")).isTrue();
        raw.sendText("[{\"OutputCmd\":{\"Id\":2,\"DeviceIndex\":0,\"FeatureIndex\":0,"
                + "\"Command\":{\"Vibrate\":{\"Value\":15}}}}]");
        rig.lovense().awaitOutput(0, c -> c.value() == 15, WAIT);
        rig.lovense().clearRecording();

        raw.kill();

        rig.lovense().await(c -> c.kind() == RecordedCommand.Kind.STOP
                || c.output() != null && c.output().value() == 0, WAIT);
        awaitNoRawSessionsLeft();
        bystander.isStillServed();
    }

    /** Hostile single-message frames that each get exactly one reply frame. */
    private static final List<String> ROTATION = List.of(
            "garbage", "[]", "{}", "[{}]", "[{\"Ping\":{\"Id\":0}}]", "[{\"Ping\":{\"Id\":\"x\"}}]",
            "[{\"NoSuchMessage\":{\"Id\":3}}]", "[".repeat(2_000), "[{\"StartScanning\":{\"Id\":4}}]",
            "[{\"Ping\":{\"Id\":-5}}]");

    @Test
    void tenThousandHostileFramesLeakNeitherThreadsNorMemory() throws Exception {
        int connections = 100;
        int framesPerConnection = 100;
        hostileRound(0, 1, framesPerConnection); // warm up pools and classes
        awaitNoRawSessionsLeft();
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        long heapBefore = usedHeapAfterGc();

        long replies = hostileRound(1, connections, framesPerConnection);

        assertThat(replies).isEqualTo((long) connections * framesPerConnection);
        awaitNoRawSessionsLeft();
        bystander.isStillServed();
        int threadsAfter = awaitThreadsAtMost(threadsBefore + 8);
        assertThat(threadsAfter).as("threads before %d, after %d", threadsBefore, threadsAfter)
                .isLessThanOrEqualTo(threadsBefore + 8);
        long heapAfter = usedHeapAfterGc();
        LoggerFactory.getLogger(HostileFramesTest.class).info(
                "{} hostile frames: threads {} -> {}, used heap after GC {} KiB -> {} KiB",
                replies, threadsBefore, threadsAfter, heapBefore >> 10, heapAfter >> 10);
        assertThat(heapAfter - heapBefore).as("heap growth in bytes").isLessThan(48L << 20);
    }

    /** Sends {@code frames} hostile frames on each of {@code connections} sockets; returns error replies. */
    private long hostileRound(int seed, int connections, int frames) throws Exception {
        long errors = 0;
        for (int c = 0; c < connections; c++) {
            RawWebSocket raw = RawWebSocket.open(rig.server.port(), "/");
            for (int f = 0; f < frames; f++) {
                raw.sendText(ROTATION.get((seed + c + f) % ROTATION.size()));
            }
            for (int f = 0; f < frames; f++) {
                if (onlyMessage(raw.read()).has("Error")) {
                    errors++;
                }
            }
            if (c % 2 == 0) {
                raw.kill();
            } else {
                raw.send(RawWebSocket.CLOSE, new byte[] {0x03, (byte) 0xe8});
                raw.readUntilClose();
                raw.close();
            }
        }
        return errors;
    }

    /** Waits for every session but the bystander's to end. */
    private void awaitNoRawSessionsLeft() throws Exception {
        CompletableFuture.allOf(rig.buttplug.sessions().stream()
                        .filter(s -> s != bystanderSession)
                        .map(ServerSession::closeFuture)
                        .toArray(CompletableFuture[]::new))
                .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        // the server drops an ended session from its list just after completing its close future
        for (int i = 0; i < 1000 && rig.buttplug.sessions().size() > 1; i++) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        assertThat(rig.buttplug.sessions()).containsOnly(bystanderSession);
        assertThat(rig.server.port()).isPositive();
    }

    /** Bounded poll (10 s, 10 ms steps) until the JVM has at most {@code limit} threads. */
    private static int awaitThreadsAtMost(int limit) {
        int count = ManagementFactory.getThreadMXBean().getThreadCount();
        for (int i = 0; i < 1000 && count > limit; i++) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            count = ManagementFactory.getThreadMXBean().getThreadCount();
        }
        return count;
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
