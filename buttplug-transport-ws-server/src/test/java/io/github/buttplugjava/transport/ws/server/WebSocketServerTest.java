package io.github.buttplugjava.transport.ws.server;

import io.github.buttplugjava.testsupport.RawWebSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.ConnectorException;
import io.github.buttplugjava.core.connector.FrameListener;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebSocketServerTest {

    /** One accepted socket as the server saw it. */
    record Accepted(String path, ButtplugConnector connector, RecordingListener listener) {
    }

    private final BlockingQueue<Accepted> accepted = new LinkedBlockingQueue<>();
    private final List<WebSocketConnector> clients = new ArrayList<>();
    private WebSocketServer server;

    @AfterEach
    void tearDown() {
        clients.forEach(WebSocketConnector::close);
        if (server != null) {
            server.close();
        }
    }

    /** A server whose sockets echo every frame and are recorded. */
    private WebSocketServer echoServer(WebSocketServer.Builder builder) throws IOException {
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
            accepted.add(new Accepted(path, connector, recorder));
            return Admission.accept();
        }).start();
        return server;
    }

    private WebSocketConnector client(String path) {
        WebSocketConnector c = WebSocketConnector.to(URI.create("ws://127.0.0.1:" + server.port() + path));
        clients.add(c);
        return c;
    }

    private Accepted nextAccepted() throws InterruptedException {
        Accepted a = accepted.poll(10, TimeUnit.SECONDS);
        assertThat(a).as("a socket was accepted").isNotNull();
        return a;
    }

    @Test
    void echoesARoundTripOnAnEphemeralLoopbackPort() throws Exception {
        echoServer(WebSocketServer.builder());
        assertThat(server.port()).isPositive();
        assertThat(server.uri()).isEqualTo(URI.create("ws://127.0.0.1:" + server.port() + "/"));

        RecordingListener received = new RecordingListener();
        WebSocketConnector c = client("/");
        c.connect(received).get(10, TimeUnit.SECONDS);
        assertThat(c.isConnected()).isTrue();
        c.send("[{\"Ping\":{\"Id\":1}}]").get(10, TimeUnit.SECONDS);

        assertThat(received.nextFrame()).isEqualTo("[{\"Ping\":{\"Id\":1}}]");
        Accepted a = nextAccepted();
        assertThat(a.path()).isEqualTo("/");
        assertThat(a.listener().nextFrame()).isEqualTo("[{\"Ping\":{\"Id\":1}}]");
        assertThat(server.openConnections()).isEqualTo(1);
    }

    @Test
    void handsTheRequestPathToTheHandler() throws Exception {
        echoServer(WebSocketServer.builder());
        client("/control/abc123").connect(new RecordingListener()).get(10, TimeUnit.SECONDS);
        assertThat(nextAccepted().path()).isEqualTo("/control/abc123");
        client("/share").connect(new RecordingListener()).get(10, TimeUnit.SECONDS);
        assertThat(nextAccepted().path()).isEqualTo("/share");
    }

    @Test
    void servesManyConnectionsAtOnce() throws Exception {
        echoServer(WebSocketServer.builder());
        int n = 25;
        List<RecordingListener> listeners = new ArrayList<>();
        List<CompletableFuture<Void>> opens = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RecordingListener l = new RecordingListener();
            listeners.add(l);
            opens.add(client("/").connect(l));
        }
        CompletableFuture.allOf(opens.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        for (int i = 0; i < n; i++) {
            clients.get(i).send("client " + i);
        }
        for (int i = 0; i < n; i++) {
            assertThat(listeners.get(i).nextFrame()).isEqualTo("client " + i);
        }
        assertThat(server.openConnections()).isEqualTo(n);
    }

    @Test
    void theSocketsAreServedByAsManyIoThreadsAsConfigured() throws Exception {
        assertThat(ioThreadsServing(1, 4)).hasSize(1);
        server.close();
        assertThat(ioThreadsServing(2, 4)).hasSize(2);
    }

    /** Names of the threads on which the handler saw {@code sockets} sockets of a server with {@code ioThreads}. */
    private java.util.Set<String> ioThreadsServing(int ioThreads, int sockets) throws Exception {
        java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        server = WebSocketServer.builder().ioThreads(ioThreads).handler((path, connector) -> {
            threads.add(Thread.currentThread().getName());
            connector.connect(new RecordingListener());
            return Admission.accept();
        }).start();
        for (int i = 0; i < sockets; i++) {
            client("/").connect(new RecordingListener()).get(10, TimeUnit.SECONDS);
        }
        assertThat(threads).allMatch(name -> name.startsWith("buttplug-ws-io"));
        return threads;
    }

    @Test
    void deliversFramesOfOneSocketInOrder() throws Exception {
        echoServer(WebSocketServer.builder());
        RecordingListener received = new RecordingListener();
        WebSocketConnector c = client("/");
        c.connect(received).get(10, TimeUnit.SECONDS);
        int n = 500;
        for (int i = 0; i < n; i++) {
            c.send("frame " + i);
        }
        Accepted a = nextAccepted();
        for (int i = 0; i < n; i++) {
            assertThat(a.listener().nextFrame()).isEqualTo("frame " + i);
            assertThat(received.nextFrame()).isEqualTo("frame " + i);
        }
    }

    @Test
    void concurrentSendsFromManyThreadsArriveIntact() throws Exception {
        echoServer(WebSocketServer.builder());
        WebSocketConnector c = client("/");
        RecordingListener echoes = new RecordingListener();
        c.connect(echoes).get(10, TimeUnit.SECONDS);
        int threads = 8;
        int perThread = 100;
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<CompletableFuture<Void>> starts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                starts.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < perThread; i++) {
                        synchronized (sends) {
                            sends.add(c.send("t" + thread + "-" + i + "-" + "p".repeat(200)));
                        }
                    }
                }, pool));
            }
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        Accepted a = nextAccepted();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < threads * perThread; i++) {
            String frame = a.listener().nextFrame();
            assertThat(frame).matches("t\\d-\\d+-p{200}");
            seen.add(frame);
        }
        assertThat(seen).hasSize(threads * perThread);
    }

    @Test
    void aListenerMayCloseItsConnectorFromInsideOnFrame() throws Exception {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> serverSideClosed = new CompletableFuture<>();
        server = WebSocketServer.builder().handler((path, connector) -> {
            connector.connect(new FrameListener() {
                @Override
                public void onFrame(String frame) {
                    events.add("frame " + frame);
                    connector.close();
                    events.add("returned from close");
                }

                @Override
                public void onClosed(Throwable cause) {
                    events.add("closed " + cause);
                    serverSideClosed.complete(null);
                }
            });
            return Admission.accept();
        }).start();
        RecordingListener clientSide = new RecordingListener();
        WebSocketConnector c = client("/");
        c.connect(clientSide).get(10, TimeUnit.SECONDS);
        c.send("bye");

        assertThat(clientSide.awaitClose()).isNull();
        serverSideClosed.get(10, TimeUnit.SECONDS);
        assertThat(events).containsExactly("frame bye", "returned from close", "closed null");
    }

    @Test
    void framesBeforeTheHandlerConnectsAreKeptInOrderAndTooManyCloseWith1008() throws Exception {
        BlockingQueue<ButtplugConnector> pending = new LinkedBlockingQueue<>();
        server = WebSocketServer.builder().handler((path, connector) -> {
            pending.add(connector); // connects later, from the test thread
            return Admission.accept();
        }).start();

        try (RawWebSocket raw = RawWebSocket.open(server.port(), "/")) {
            ButtplugConnector late = pending.poll(10, TimeUnit.SECONDS);
            assertThat(late).isNotNull();
            for (int i = 0; i < 3; i++) {
                raw.sendText("early " + i);
            }
            RecordingListener listener = new RecordingListener();
            // the frames may still be in flight: connect once the server holds them, bounded
            for (int i = 0; i < 1000 && ((ServerLink) late).earlyFrames() < 3; i++) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
            late.connect(listener).get(10, TimeUnit.SECONDS);
            for (int i = 0; i < 3; i++) {
                assertThat(listener.nextFrame()).isEqualTo("early " + i);
            }
        }

        try (RawWebSocket flood = RawWebSocket.open(server.port(), "/")) {
            ButtplugConnector neverConnected = pending.poll(10, TimeUnit.SECONDS);
            assertThat(neverConnected).isNotNull();
            for (int i = 0; i < 65; i++) {
                flood.sendText("flood " + i);
            }
            assertThat(flood.readUntilClose().closeCode()).isEqualTo(1008);
            // the client can read the close frame before the server side has reported its end
            ((ServerLink) neverConnected).closedFuture().get(5, TimeUnit.SECONDS);
            assertThat(neverConnected.connect(new RecordingListener())).failsWithin(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void clientCloseReachesTheServerAsAnOrderlyClose() throws Exception {
        echoServer(WebSocketServer.builder());
        RecordingListener clientSide = new RecordingListener();
        WebSocketConnector c = client("/");
        c.connect(clientSide).get(10, TimeUnit.SECONDS);
        Accepted a = nextAccepted();

        c.close().get(10, TimeUnit.SECONDS);

        assertThat(a.listener().awaitClose()).isNull();
        assertThat(clientSide.awaitClose()).isNull();
        assertThat(c.isConnected()).isFalse();
        assertThat(a.connector().isConnected()).isFalse();
        assertThat(c.send("late")).failsWithin(5, TimeUnit.SECONDS)
                .withThrowableThat().withCauseInstanceOf(ConnectorException.class);
        assertThat(a.listener().closeCount()).hasValue(1);
        assertThat(clientSide.closeCount()).hasValue(1);
    }

    @Test
    void serverCloseReachesTheClientAsAnOrderlyClose() throws Exception {
        echoServer(WebSocketServer.builder());
        RecordingListener clientSide = new RecordingListener();
        client("/").connect(clientSide).get(10, TimeUnit.SECONDS);
        Accepted a = nextAccepted();

        a.connector().close().get(10, TimeUnit.SECONDS);

        assertThat(clientSide.awaitClose()).isNull();
        assertThat(a.listener().awaitClose()).isNull();
        assertThat(clientSide.closeCount()).hasValue(1);
    }

    @Test
    void aClientThatVanishesIsReportedAsAnAbnormalClose() throws Exception {
        echoServer(WebSocketServer.builder());
        RawWebSocket raw = RawWebSocket.open(server.port(), "/");
        Accepted a = nextAccepted();

        raw.kill();

        assertThat(a.listener().awaitClose()).isInstanceOf(ConnectorException.class);
        assertThat(a.connector().isConnected()).isFalse();
        assertThat(a.listener().closeCount()).hasValue(1);
    }

    @Test
    void aServerThatVanishesIsReportedToTheClientAsAnAbnormalClose() throws Exception {
        try (ServerSocket fake = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> killed = CompletableFuture.runAsync(() -> {
                try (var s = fake.accept()) {
                    String head = RawWebSocket.readHead(s.getInputStream());
                    String key = head.lines().filter(l -> l.toLowerCase().startsWith("sec-websocket-key:"))
                            .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElseThrow();
                    s.getOutputStream().write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                            + "Connection: Upgrade\r\nSec-WebSocket-Accept: " + RawWebSocket.acceptOf(key)
                            + "\r\n\r\n").getBytes());
                    s.getOutputStream().flush();
                    s.getInputStream().read(); // wait for the client's first frame, then vanish
                    s.setSoLinger(true, 0);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            RecordingListener clientSide = new RecordingListener();
            WebSocketConnector c = WebSocketConnector.to(URI.create("ws://127.0.0.1:" + fake.getLocalPort() + "/"));
            clients.add(c);
            c.connect(clientSide).get(10, TimeUnit.SECONDS);
            c.send("hello");
            killed.get(10, TimeUnit.SECONDS);

            assertThat(clientSide.awaitClose()).isInstanceOf(ConnectorException.class);
            assertThat(clientSide.closeCount()).hasValue(1);
            assertThat(c.isConnected()).isFalse();
        }
    }

    @Test
    void anOversizeFrameClosesThatSocketCleanlyAndOthersKeepWorking() throws Exception {
        echoServer(WebSocketServer.builder().maxFrameSize(1024));
        RecordingListener bystander = new RecordingListener();
        WebSocketConnector other = client("/");
        other.connect(bystander).get(10, TimeUnit.SECONDS);
        nextAccepted();

        try (RawWebSocket raw = RawWebSocket.open(server.port(), "/")) {
            Accepted a = nextAccepted();
            raw.sendText("x".repeat(4096));
            RawWebSocket.Frame close = raw.readUntilClose();
            assertThat(close.closeCode()).isEqualTo(1009);
            assertThat(a.listener().awaitClose()).isInstanceOf(ConnectorException.class);
            assertThat(a.listener().frames).isEmpty();
        }
        other.send("still here");
        assertThat(bystander.nextFrame()).isEqualTo("still here");
    }

    @Test
    void anOversizeFrameFromTheServerClosesTheClient() throws Exception {
        echoServer(WebSocketServer.builder());
        RecordingListener clientSide = new RecordingListener();
        WebSocketConnector c = WebSocketConnector.builder(URI.create("ws://127.0.0.1:" + server.port() + "/"))
                .maxFrameSize(100).build();
        clients.add(c);
        c.connect(clientSide).get(10, TimeUnit.SECONDS);
        c.send("y".repeat(500)); // echoed back: too big for this client

        assertThat(clientSide.awaitClose()).isInstanceOf(ConnectorException.class);
        assertThat(clientSide.frames).isEmpty();
    }

    @Test
    void aBinaryFrameIsRefusedWithCode1003() throws Exception {
        echoServer(WebSocketServer.builder());
        try (RawWebSocket raw = RawWebSocket.open(server.port(), "/")) {
            Accepted a = nextAccepted();
            raw.send(RawWebSocket.BINARY, new byte[] {1, 2, 3});
            RawWebSocket.Frame close = raw.readUntilClose();
            assertThat(close.closeCode()).isEqualTo(1003);
            assertThat(close.closeReason()).contains("text frames");
            assertThat(a.listener().awaitClose()).isInstanceOf(ConnectorException.class)
                    .hasMessageContaining("binary");
        }
    }

    @Test
    void aRefusalKeepsItsReasonWhenTheListenerClosesTheConnectorAsItHearsOfIt() throws Exception {
        server = WebSocketServer.builder().handler((path, connector) -> Admission.refuse("no room here")).start();
        for (int i = 0; i < 20; i++) {
            WebSocketConnector c = client("/x");
            CompletableFuture<Throwable> heard = new CompletableFuture<>();
            CompletableFuture<Void> connected = c.connect(new FrameListener() {
                @Override
                public void onFrame(String frame) {
                }

                @Override
                public void onClosed(Throwable cause) {
                    heard.complete(cause);
                    c.close(); // as a Buttplug client does: the close may come before the connect completes
                }
            });
            Throwable why;
            try {
                connected.get(10, TimeUnit.SECONDS);
                why = heard.get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                why = e.getCause();
            }
            assertThat(why).as("attempt " + i).hasMessageContaining("no room here");
        }
    }

    @Test
    void aSendAfterTheServersRefusalNamesTheRefusal() throws Exception {
        // a client whose first frame (a Buttplug handshake) loses the race with the server's close
        // must still learn the server's reason, not only "not connected"
        server = WebSocketServer.builder().handler((path, connector) -> Admission.refuse("no room here")).start();
        WebSocketConnector c = client("/x");
        RecordingListener heard = new RecordingListener();
        c.connect(heard).get(10, TimeUnit.SECONDS);
        heard.awaitClose();
        assertThatThrownBy(() -> c.send("[]").get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ConnectorException.class)
                .hasMessageContaining("not connected")
                .hasMessageContaining("1008")
                .hasMessageContaining("no room here");
    }

    @Test
    void aButtplugClientRefusedRightAfterTheUpgradeFailsItsConnectWithTheReason() throws Exception {
        server = WebSocketServer.builder().handler((path, connector) -> Admission.refuse("no room here")).start();
        for (int i = 0; i < 20; i++) {
            ButtplugClient client =
                    ButtplugClient.builder("refused").build();
            Throwable why = catchThrowable(
                    () -> client.connect(client("/x")).get(10, TimeUnit.SECONDS));
            assertThat(why).as("attempt " + i).isInstanceOf(ExecutionException.class)
                    .hasStackTraceContaining("no room here");
        }
    }

    @Test
    void aRefusedPathIsClosedWithTheHandlersReason() throws Exception {
        server = WebSocketServer.builder()
                .handler((path, connector) -> path.equals("/share")
                        ? Admission.accept() : Admission.refuse("unknown path " + path))
                .start();
        try (RawWebSocket raw = RawWebSocket.open(server.port(), "/nope")) {
            RawWebSocket.Frame close = raw.readUntilClose();
            assertThat(close.closeCode()).isEqualTo(1008);
            assertThat(close.closeReason()).isEqualTo("unknown path /nope");
        }
        RecordingListener clientSide = new RecordingListener();
        client("/other").connect(clientSide).get(10, TimeUnit.SECONDS);
        assertThat(clientSide.awaitClose()).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("1008").hasMessageContaining("unknown path /other");
    }

    @Test
    void aThrowingHandlerClosesTheSocketWith1011() throws Exception {
        server = WebSocketServer.builder()
                .handler((path, connector) -> {
                    throw new IllegalStateException("boom");
                })
                .start();
        try (RawWebSocket raw = RawWebSocket.open(server.port(), "/")) {
            assertThat(raw.readUntilClose().closeCode()).isEqualTo(1011);
        }
    }

    @Test
    void stopClosesEverySocketAndFreesThePort() throws Exception {
        echoServer(WebSocketServer.builder());
        int port = server.port();
        List<RecordingListener> clientSides = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RecordingListener l = new RecordingListener();
            clientSides.add(l);
            client("/").connect(l).get(10, TimeUnit.SECONDS);
        }
        List<Accepted> serverSides = List.of(nextAccepted(), nextAccepted(), nextAccepted());

        server.stop().get(15, TimeUnit.SECONDS);

        for (Accepted a : serverSides) {
            assertThat(a.listener().awaitClose()).isNull();
        }
        for (RecordingListener l : clientSides) {
            assertThat(l.awaitClose()).isNull();
        }
        assertThat(server.openConnections()).isZero();
        try (ServerSocket rebound = new ServerSocket()) {
            rebound.bind(new InetSocketAddress("127.0.0.1", port));
            assertThat(rebound.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void connectingToANonListeningPortFailsWithAConnectorException() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        WebSocketConnector c = WebSocketConnector.to(URI.create("ws://127.0.0.1:" + port + "/"));
        clients.add(c);
        RecordingListener l = new RecordingListener();
        assertThatThrownBy(() -> c.connect(l).get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ConnectorException.class);
        assertThat(l.closeCount()).hasValue(0);
        assertThat(c.connect(l)).isCompletedExceptionally();
    }

    @Test
    void aServerThatNeverAnswersTheUpgradeFailsTheConnectAfterTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> accepted = CompletableFuture.runAsync(() -> {
                try (var s = silent.accept()) {
                    s.getInputStream().read(); // hold the connection open and answer nothing
                } catch (IOException e) {
                    // the client gave up
                }
            });
            WebSocketConnector c = WebSocketConnector.builder(URI.create("ws://127.0.0.1:" + silent.getLocalPort() + "/"))
                    .connectTimeout(Duration.ofMillis(500)).build();
            clients.add(c);
            RecordingListener l = new RecordingListener();
            assertThatThrownBy(() -> c.connect(l).get(20, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ConnectorException.class);
            assertThat(l.closeCount()).hasValue(0);
            c.close();
            accepted.cancel(true);
        }
    }

    @Test
    void manyConnectCloseCyclesDoNotAccumulateThreads() throws Exception {
        echoServer(WebSocketServer.builder());
        cycle(20); // warm up the shared client container and the server pools
        int before = ManagementFactory.getThreadMXBean().getThreadCount();
        cycle(200);
        int after = ManagementFactory.getThreadMXBean().getThreadCount();
        for (int i = 0; i < 1000 && after > before + 8; i++) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            after = ManagementFactory.getThreadMXBean().getThreadCount();
        }
        assertThat(after).as("threads before %d, after %d", before, after).isLessThanOrEqualTo(before + 8);
        assertThat(server.openConnections()).isZero();
    }

    /** Connects, round-trips one frame and closes, {@code n} times. */
    private void cycle(int n) throws Exception {
        for (int i = 0; i < n; i++) {
            RecordingListener l = new RecordingListener();
            WebSocketConnector c = WebSocketConnector.to(URI.create("ws://127.0.0.1:" + server.port() + "/"));
            c.connect(l).get(10, TimeUnit.SECONDS);
            c.send("cycle " + i);
            assertThat(l.nextFrame()).isEqualTo("cycle " + i);
            c.close().get(10, TimeUnit.SECONDS);
            assertThat(l.awaitClose()).isNull();
            Accepted a = nextAccepted();
            assertThat(a.listener().awaitClose()).isNull();
        }
    }

    @Test
    void aPortInUseIsAClearIoErrorAndTheServerCanThenStartElsewhere() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> WebSocketServer.builder().port(taken.getLocalPort())
                    .handler((path, connector) -> Admission.refuse("unused")).start())
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining(String.valueOf(taken.getLocalPort()));
        }
        echoServer(WebSocketServer.builder());
        RecordingListener l = new RecordingListener();
        client("/").connect(l).get(10, TimeUnit.SECONDS);
    }

    @Test
    void atTheLimitWithNonePendingANewcomerIsClosedAtOnce() throws Exception {
        echoServer(WebSocketServer.builder().maxConnections(2));
        for (int i = 0; i < 2; i++) {
            RecordingListener l = new RecordingListener();
            WebSocketConnector c = client("/");
            c.connect(l).get(10, TimeUnit.SECONDS);
            c.send("hello " + i); // a first text frame: no longer pending
            assertThat(l.nextFrame()).isEqualTo("hello " + i);
            nextAccepted();
        }
        assertThat(server.pendingConnections()).isZero();
        assertThatThrownBy(() -> RawWebSocket.open(server.port(), "/")).isInstanceOf(IOException.class);
        assertThat(accepted).isEmpty();
        assertThat(server.openConnections()).isEqualTo(2);
    }

    @Test
    void atTheLimitTheOldestPendingConnectionMakesRoomWith1013() throws Exception {
        echoServer(WebSocketServer.builder().maxConnections(2));
        RecordingListener talking = new RecordingListener();
        WebSocketConnector c = client("/");
        c.connect(talking).get(10, TimeUnit.SECONDS);
        c.send("hello");
        assertThat(talking.nextFrame()).isEqualTo("hello");
        nextAccepted();
        try (RawWebSocket silent = RawWebSocket.open(server.port(), "/")) {
            nextAccepted();
            try (RawWebSocket newcomer = RawWebSocket.open(server.port(), "/")) {
                RawWebSocket.Frame close = silent.readUntilClose();
                assertThat(close.closeCode()).isEqualTo(1013);
                newcomer.sendText("me too");
                assertThat(newcomer.read().text()).isEqualTo("me too");
            }
        }
    }

    @Test
    void rejectsNonWebSocketAddresses() {
        assertThatThrownBy(() -> WebSocketConnector.to(URI.create("http://127.0.0.1:1/")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
