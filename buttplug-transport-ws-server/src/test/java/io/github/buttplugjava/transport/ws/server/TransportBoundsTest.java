package io.github.buttplugjava.transport.ws.server;

import io.github.buttplugjava.testsupport.RawWebSocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.ConnectorException;
import io.github.buttplugjava.core.connector.FrameListener;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The transport bounds of {@link WebSocketServer} (docs/LIMITS.md, section 1) against real sockets on loopback. */
class TransportBoundsTest {

    /** One accepted socket as the server saw it. */
    record Accepted(ButtplugConnector connector, RecordingListener listener) {
    }

    private final BlockingQueue<Accepted> accepted = new LinkedBlockingQueue<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private WebSocketServer server;

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : toClose) {
            try {
                c.close();
            } catch (Exception ignored) {
                // already gone
            }
        }
        if (server != null) {
            server.close();
        }
    }

    /** A server whose sockets echo every frame and are recorded. */
    private void echoServer(WebSocketServer.Builder builder) throws IOException {
        server = builder.handler((path, connector) -> {
            RecordingListener recorder = new RecordingListener();
            connector.connect(new FrameListener() {
                @Override
                public void onFrame(String frame) {
                    recorder.onFrame(frame);
                    connector.send(frame);
                }

                @Override
                public void onClosed(Throwable cause) {
                    recorder.onClosed(cause);
                }
            });
            accepted.add(new Accepted(connector, recorder));
            return Admission.accept();
        }).start();
    }

    private Socket rawTcp() throws IOException {
        Socket s = new Socket();
        toClose.add(s);
        s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
        return s;
    }

    private RawWebSocket rawWs(String path) throws IOException {
        RawWebSocket ws = RawWebSocket.open(server.port(), path);
        toClose.add(ws);
        return ws;
    }

    /** Connects a Tyrus client and round-trips one frame through the echo server. */
    private void realClientExchangesAFrame() throws Exception {
        RecordingListener l = new RecordingListener();
        WebSocketConnector c = WebSocketConnector.to(URI.create("ws://127.0.0.1:" + server.port() + "/"));
        toClose.add(() -> c.close());
        c.connect(l).get(10, TimeUnit.SECONDS);
        c.send("real").get(10, TimeUnit.SECONDS);
        assertThat(l.nextFrame()).isEqualTo("real");
    }

    private static void await(String what, long millis, BooleanSupplier condition) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + millis + " ms: " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    /** Whether the peer closed the TCP connection (EOF or reset) within {@code millis}. */
    private static boolean closedWithin(Socket s, int millis) throws IOException {
        s.setSoTimeout(millis);
        try {
            InputStream in = s.getInputStream();
            byte[] buffer = new byte[4096];
            for (int i = 0; i < 1000; i++) {
                if (in.read(buffer) < 0) {
                    return true;
                }
            }
            return false;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Test
    void idleTcpSocketsNeverLockOutRealClientsAndAreClosedAtTheUpgradeDeadline() throws Exception {
        echoServer(WebSocketServer.builder().maxConnections(256).maxPendingConnections(1000, 1000)
                .upgradeTimeout(Duration.ofSeconds(2)));
        List<Socket> idle = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            idle.add(rawTcp()); // never sends a byte
        }
        await("the server holds at most its cap", 5000, () -> server.openConnections() == 256);

        realClientExchangesAFrame();
        realClientExchangesAFrame();

        long start = System.nanoTime();
        for (Socket s : idle) {
            assertThat(closedWithin(s, 10_000)).as("an idle socket was closed").isTrue();
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(10_000);
        await("only the two real clients remain", 5000, () -> server.openConnections() == 2);
        assertThat(server.pendingConnections()).isZero();
        for (AutoCloseable c : toClose) {
            c.close();
        }
        await("every connection is gone", 5000, () -> server.openConnections() == 0);
    }

    @Test
    void aSlowlorisIsClosedAtTheUpgradeDeadline() throws Exception {
        echoServer(WebSocketServer.builder().upgradeTimeout(Duration.ofMillis(500)));
        Socket s = rawTcp();
        byte[] request = ("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        long start = System.nanoTime();
        CompletableFuture<Integer> written = CompletableFuture.supplyAsync(() -> {
            int n = 0;
            try {
                OutputStream out = s.getOutputStream();
                for (byte b : request) {
                    out.write(b);
                    out.flush();
                    n++;
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                }
            } catch (IOException closed) {
                // the server hung up
            }
            return n;
        });
        assertThat(closedWithin(s, 10_000)).as("the server closed the slow request").isTrue();
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(tookMs).isBetween(400L, 5000L);
        s.close();
        assertThat(written.get(20, TimeUnit.SECONDS)).isLessThan(request.length);
        await("no connection left", 5000, () -> server.openConnections() == 0);
    }

    @Test
    void silentUpgradedClientsAreShedOldestFirstAndTheRestClosedAfterTheFirstFrameDeadline() throws Exception {
        echoServer(WebSocketServer.builder().maxPendingConnections(1000, 20)
                .firstFrameTimeout(Duration.ofSeconds(3)));
        List<RawWebSocket> silent = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            silent.add(rawWs("/"));
        }
        // the per-address cap spares upgraded connections silent for less than 1 s: let the first 25 age
        java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1100));
        for (int i = 0; i < 25; i++) {
            silent.add(rawWs("/"));
        }
        realClientExchangesAFrame();

        int shed = 0;
        int timedOut = 0;
        for (int i = 0; i < silent.size(); i++) {
            RawWebSocket.Frame close = silent.get(i).readUntilClose();
            if (close.closeCode() == 1013) {
                shed++;
                assertThat(timedOut).as("the oldest go first: #%d shed after a timeout", i).isZero();
            } else {
                assertThat(close.closeCode()).as("close of silent client #%d", i).isEqualTo(1008);
                assertThat(close.closeReason()).isEqualTo("no message within 3 s");
                timedOut++;
            }
        }
        // each of the second 25 pushes out one of the first 25, silent for over 1 s (the 20-per-address cap);
        // on a slow machine older ones of the second batch may go too, never a younger before an older
        assertThat(shed).isBetween(25, 31);
        assertThat(shed + timedOut).isEqualTo(50);
        await("only the real client remains", 5000, () -> server.openConnections() == 1);
        assertThat(server.pendingConnections()).isZero();
    }

    @Test
    void aClientThatNeverReadsIsAbortedOnceUnsentBytesPassTheBound() throws Exception {
        long bound = 1 << 20;
        echoServer(WebSocketServer.builder().maxUnsentBytes(bound));
        RawWebSocket reader = rawWs("/");
        reader.sendText("hi"); // a first frame, then never read again
        Accepted a = accepted.poll(10, TimeUnit.SECONDS);
        assertThat(a).isNotNull();
        assertThat(a.listener().nextFrame()).isEqualTo("hi");

        String chunk = "z".repeat(64 << 10);
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        CompletableFuture<Void> refused = null;
        for (int i = 0; i < 4096 && refused == null; i++) { // at most 256 MiB offered
            CompletableFuture<Void> f = a.connector().send(chunk);
            sends.add(f);
            if (f.isCompletedExceptionally()) {
                refused = f;
            }
        }
        assertThat(refused).as("a send past the bound failed at once").isNotNull();
        // the send that crossed the bound fails with the reason; it may have been the echo server's
        // own send of "hi" (on its thread, racing with these), and then the first of these to fail
        // is the next one, refused because the link is already closing for that reason
        assertThat(refused).failsWithin(1, TimeUnit.SECONDS).withThrowableThat()
                .withCauseInstanceOf(ConnectorException.class)
                .withMessageMatching("(?s).*(peer is not reading|: not connected).*");
        Throwable cause = a.listener().awaitClose();
        assertThat(cause).isInstanceOf(ConnectorException.class).hasMessageContaining("peer is not reading");
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).handle((ok, e) -> null).get(10, TimeUnit.SECONDS);
        long failed = sends.stream().filter(CompletableFuture::isCompletedExceptionally).count();
        assertThat(failed).as("queued sends fail once the link is gone").isGreaterThanOrEqualTo(1);
        long written = sends.size() - failed;
        assertThat(written * chunk.length()).as("what the kernel took plus the bound, not the 256 MiB offered")
                .isLessThan(64L << 20);
        await("the aborted link is gone", 5000, () -> server.openConnections() == 0);
        assertThat(a.connector().send("late")).isCompletedExceptionally();
    }

    @Test
    void pauseReadingHoldsFramesBackAndResumeDeliversThemInOrderAndKeepaliveSparesAPausedLink() throws Exception {
        echoServer(WebSocketServer.builder().keepAlive(Duration.ofMillis(200), Duration.ofMillis(600)));
        RawWebSocket peer = rawWs("/");
        peer.sendText("first");
        Accepted a = accepted.poll(10, TimeUnit.SECONDS);
        assertThat(a).isNotNull();
        assertThat(a.listener().nextFrame()).isEqualTo("first");
        assertThat(peer.read().text()).isEqualTo("first"); // the echo

        assertThat(a.connector().pauseReading()).isTrue();
        assertThat(a.connector().pauseReading()).as("idempotent").isTrue();
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100)); // the event loop applies the pause
        for (int i = 0; i < 5; i++) {
            peer.sendText("held " + i);
        }
        // three keepalive timeouts with nothing read: no frame, no close
        assertThat(a.listener().frames.poll(1800, TimeUnit.MILLISECONDS)).isNull();
        assertThat(a.listener().closed).isNotDone();
        assertThat(a.connector().isConnected()).isTrue();

        a.connector().resumeReading();
        a.connector().resumeReading();
        for (int i = 0; i < 5; i++) {
            assertThat(a.listener().nextFrame()).isEqualTo("held " + i);
        }
        assertThat(a.connector().remoteAddress()).hasValueSatisfying(address ->
                assertThat(address.getAddress().isLoopbackAddress()).isTrue());
    }

    @Test
    void abortClosesWith1008AndTellsTheListenerWhy() throws Exception {
        echoServer(WebSocketServer.builder());
        RawWebSocket peer = rawWs("/");
        Accepted a = accepted.poll(10, TimeUnit.SECONDS);
        assertThat(a).isNotNull();
        a.connector().abort("too many messages, " + "x".repeat(200));
        RawWebSocket.Frame close = peer.readUntilClose();
        assertThat(close.closeCode()).isEqualTo(1008);
        assertThat(close.closeReason()).startsWith("too many messages, ");
        assertThat(close.payload().length - 2).isLessThanOrEqualTo(123);
        assertThat(a.listener().awaitClose()).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("too many messages");
        assertThat(peer.tcpEndsWithin(5000)).isTrue();
        assertThat(a.listener().closeCount()).hasValue(1);
    }

    @Test
    void stopEndsEveryServerThread() throws Exception {
        echoServer(WebSocketServer.builder());
        server.close(); // warm up what the JVM starts once
        server = null;
        int before = ManagementFactory.getThreadMXBean().getThreadCount();
        for (int i = 0; i < 3; i++) {
            echoServer(WebSocketServer.builder());
            try (RawWebSocket ws = RawWebSocket.open(server.port(), "/")) {
                ws.sendText("x");
                assertThat(ws.read().text()).isEqualTo("x");
            }
            server.close();
            server = null;
        }
        await("no buttplug-ws thread left", 10_000, () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("buttplug-ws-") && !t.getName().contains("dialer")));
        await("thread count back", 10_000,
                () -> ManagementFactory.getThreadMXBean().getThreadCount() <= before + 1);
    }
}
