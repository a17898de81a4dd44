package io.github.buttplugjava.transport.ws.server;

import io.github.buttplugjava.testsupport.RawWebSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.buttplugjava.core.connector.ConnectorException;
import io.github.buttplugjava.transport.ws.KeepAlive;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** WebSocket keepalive of {@link WebSocketServer}: silent peers are closed, ping-answering ones stay. */
class KeepAliveTest {

    private static final Duration INTERVAL = Duration.ofMillis(200);
    private static final Duration TIMEOUT = Duration.ofMillis(600);
    /** Generous slack on top of interval + timeout for a loaded 2-core machine. */
    private static final long MARGIN_MS = 3000;

    private final BlockingQueue<RecordingListener> accepted = new LinkedBlockingQueue<>();
    private WebSocketServer server;

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
    }

    private void startServer() throws Exception {
        server = WebSocketServer.builder()
                .keepAlive(INTERVAL, TIMEOUT)
                .handler((path, connector) -> {
                    RecordingListener recorder = new RecordingListener();
                    connector.connect(recorder);
                    accepted.add(recorder);
                    return Admission.accept();
                }).start();
    }

    private RecordingListener nextAccepted() throws InterruptedException {
        RecordingListener l = accepted.poll(10, TimeUnit.SECONDS);
        assertThat(l).as("a socket was accepted").isNotNull();
        return l;
    }

    @Test
    void aPeerThatNeverAnswersPingsIsClosedAndTheListenerToldWhy() throws Exception {
        startServer();
        // read before dialling: the server starts counting silence when the upgrade completes,
        // which is before the test sees the accepted listener
        long opened = System.nanoTime();
        try (RawWebSocket frozen = RawWebSocket.open(server.port(), "/")) {
            RecordingListener serverSide = nextAccepted();

            Throwable cause = serverSide.closed
                    .get(INTERVAL.plus(TIMEOUT).toMillis() + MARGIN_MS, TimeUnit.MILLISECONDS).orElse(null);
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - opened);

            assertThat(cause).isInstanceOf(ConnectorException.class)
                    .hasMessageContaining("no answer to WebSocket pings");
            assertThat(tookMs).as("closed after the timeout, not before").isGreaterThanOrEqualTo(TIMEOUT.toMillis());
            assertThat(serverSide.closeCount()).hasValue(1);

            // what the peer saw: pings it never answered, then a close 1001 saying why
            int pings = 0;
            RawWebSocket.Frame f = frozen.read();
            for (int i = 0; i < 100 && f.opcode() != RawWebSocket.CLOSE; i++) {
                assertThat(f.opcode()).isEqualTo(RawWebSocket.PING);
                pings++;
                f = frozen.read();
            }
            assertThat(pings).isGreaterThanOrEqualTo(2);
            assertThat(f.closeCode()).isEqualTo(1001);
            assertThat(f.closeReason()).startsWith("no answer to pings for");
            assertThat(frozen.tcpEndsWithin(5000)).as("the server dropped the TCP connection").isTrue();
        }
    }

    @Test
    void aFrozenPeerWhoseTcpWindowIsFullIsStillReportedClosed() throws Exception {
        String chunk = "x".repeat(256 << 10);
        server = WebSocketServer.builder()
                .keepAlive(INTERVAL, TIMEOUT)
                .maxUnsentBytes(64L << 20) // above the 32 MiB: this test is about silence, not the unsent bound
                .handler((path, connector) -> {
                    RecordingListener recorder = new RecordingListener();
                    connector.connect(recorder);
                    for (int i = 0; i < 128; i++) { // 32 MiB the frozen peer never reads: more than any socket buffer
                        connector.send(chunk);
                    }
                    accepted.add(recorder);
                    return Admission.accept();
                }).start();
        try (RawWebSocket frozen = RawWebSocket.open(server.port(), "/")) {
            RecordingListener serverSide = nextAccepted();
            Throwable cause = serverSide.closed
                    .get(INTERVAL.multipliedBy(2).plus(TIMEOUT).toMillis() + MARGIN_MS, TimeUnit.MILLISECONDS)
                    .orElse(null);
            assertThat(cause).isInstanceOf(ConnectorException.class)
                    .hasMessageContaining("no answer to WebSocket pings");
        }
    }

    @Test
    void aPeerThatOnlyAnswersPingsStaysOpen() throws Exception {
        startServer();
        try (RawWebSocket answering = RawWebSocket.open(server.port(), "/")) {
            RecordingListener serverSide = nextAccepted();
            for (int i = 0; i < 6; i++) { // six pings: well past the timeout
                RawWebSocket.Frame ping = answering.read();
                assertThat(ping.opcode()).isEqualTo(RawWebSocket.PING);
                answering.send(RawWebSocket.PONG, ping.payload());
            }
            assertThat(serverSide.closed).isNotDone();
        }
    }

    @Test
    void anIdleJdkClientAnswersPingsByItselfAndStaysConnected() throws Exception {
        startServer();
        RecordingListener clientSide = new RecordingListener();
        WebSocketConnector client = WebSocketConnector.to(URI.create("ws://127.0.0.1:" + server.port() + "/"));
        try {
            client.connect(clientSide).get(10, TimeUnit.SECONDS);
            RecordingListener serverSide = nextAccepted();

            // idle for five intervals, longer than the timeout: nothing may close
            long idleMs = INTERVAL.multipliedBy(5).toMillis();
            assertThatThrownBy(() -> serverSide.closed.get(idleMs, TimeUnit.MILLISECONDS))
                    .isInstanceOf(TimeoutException.class);

            assertThat(client.isConnected()).isTrue();
            assertThat(clientSide.closed).isNotDone();
            client.send("[]").get(10, TimeUnit.SECONDS);
            assertThat(serverSide.nextFrame()).isEqualTo("[]");
        } finally {
            client.close();
        }
    }

    @Test
    void aConnectorWithKeepaliveStaysConnectedToAServerThatAnswersPings() throws Exception {
        server = WebSocketServer.builder().handler((path, connector) -> {
            RecordingListener recorder = new RecordingListener();
            connector.connect(recorder);
            accepted.add(recorder);
            return Admission.accept();
        }).start(); // no keepalive of its own: only the client pings
        RecordingListener clientSide = new RecordingListener();
        WebSocketConnector client = WebSocketConnector.builder(URI.create("ws://127.0.0.1:" + server.port() + "/"))
                .keepAlive(INTERVAL, TIMEOUT).build();
        try {
            client.connect(clientSide).get(10, TimeUnit.SECONDS);
            RecordingListener serverSide = nextAccepted();
            long idleMs = INTERVAL.multipliedBy(5).toMillis();
            assertThatThrownBy(() -> clientSide.closed.get(idleMs, TimeUnit.MILLISECONDS))
                    .isInstanceOf(TimeoutException.class);
            assertThat(client.isConnected()).isTrue();
            client.send("[]").get(10, TimeUnit.SECONDS);
            assertThat(serverSide.nextFrame()).isEqualTo("[]");
        } finally {
            client.close();
        }
    }

    @Test
    void aConnectorWithKeepaliveClosesOnAServerThatFrozeAfterTheUpgrade() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Socket> frozenServer = CompletableFuture.supplyAsync(() -> {
                try {
                    Socket s = listener.accept();
                    String head = RawWebSocket.readHead(s.getInputStream());
                    String key = head.lines().filter(l -> l.toLowerCase().startsWith("sec-websocket-key:"))
                            .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElseThrow();
                    s.getOutputStream().write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                            + "Connection: Upgrade\r\nSec-WebSocket-Accept: " + RawWebSocket.acceptOf(key) + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    return s; // and from now on nothing: no pong, no frame, no close
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            RecordingListener clientSide = new RecordingListener();
            WebSocketConnector client = WebSocketConnector.builder(URI.create("ws://127.0.0.1:" + listener.getLocalPort() + "/"))
                    .keepAlive(INTERVAL, TIMEOUT).build();
            try {
                client.connect(clientSide).get(10, TimeUnit.SECONDS);
                long bound = INTERVAL.multipliedBy(2).plus(TIMEOUT).toMillis() + MARGIN_MS;
                Throwable cause = clientSide.closed.get(bound, TimeUnit.MILLISECONDS).orElse(null);
                assertThat(cause).isInstanceOf(ConnectorException.class)
                        .hasMessageContaining("no answer to WebSocket pings");
                assertThat(client.isConnected()).isFalse();
                assertThat(endsWithin(frozenServer.get(10, TimeUnit.SECONDS), 5000))
                        .as("the connector dropped its TCP connection").isTrue();
            } finally {
                client.close();
                frozenServer.get(10, TimeUnit.SECONDS).close();
            }
        }
    }

    /** Reads (pings, the close frame) until EOF or reset: true; false when the connection stays open. */
    private static boolean endsWithin(Socket socket, int millis) throws IOException {
        socket.setSoTimeout(millis);
        byte[] buffer = new byte[4096];
        try {
            for (int i = 0; i < 10_000; i++) {
                if (socket.getInputStream().read(buffer) < 0) {
                    return true;
                }
            }
            return false;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Test
    void rejectsATimeoutNotLongerThanTheInterval() {
        assertThatThrownBy(() -> WebSocketServer.builder().keepAlive(Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer than the interval");
        assertThatThrownBy(() -> WebSocketServer.builder().keepAlive(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(KeepAlive.every(Duration.ofSeconds(1))).isEqualTo(new KeepAlive(Duration.ofSeconds(1), Duration.ofSeconds(3)));
    }
}
