package io.github.buttplugjava.transport.ws.server;

import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.server.ButtplugServer;
import io.github.buttplugjava.core.server.ServerSession;
import io.github.buttplugjava.transport.ws.KeepAlive;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Buttplug server reachable over WebSocket, like Intiface Engine: every client socket becomes one
 * {@link ButtplugServer#serve session} of the given {@link ButtplugServer}, all driving its device
 * manager.
 *
 * <pre>{@code
 * DeviceManager devices = DeviceManager.of(SimulatedDevices.of("lovense"));
 * ButtplugServer buttplug = ButtplugServer.builder(devices).name("My Server").build();
 * ButtplugWebSocketServer server = ButtplugWebSocketServer.builder(buttplug).port(12345).start();
 * // clients connect to ws://127.0.0.1:12345
 * server.stop();   // closes every client, which stops what each drove, then stops all devices
 * }</pre>
 *
 * <p>By default every request path is served; {@link Builder#path(String)} restricts it to one
 * and refuses the others (close code 1008). WebSocket keepalive is on by default (ping every 1 s,
 * close after 3 s of silence, as the hub does), so a client that froze is noticed and what it drove
 * is stopped; the transport bounds of {@link WebSocketServer} apply with their defaults unless set
 * here. Thread-safe.
 */
public final class ButtplugWebSocketServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ButtplugWebSocketServer.class);

    private final ButtplugServer buttplug;
    private final WebSocketServer sockets;
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private final AtomicBoolean stopping = new AtomicBoolean();

    private ButtplugWebSocketServer(ButtplugServer buttplug, WebSocketServer.Builder sockets, String path)
            throws IOException {
        this.buttplug = buttplug;
        this.sockets = sockets.handler(new ConnectionHandler() {
            @Override
            public Admission onConnection(String requestPath, ButtplugConnector connector) {
                if (path != null && !path.equals(requestPath)) {
                    return Admission.refuse("no Buttplug server at this path");
                }
                buttplug.serve(connector);
                return Admission.accept();
            }

            @Override
            public String describe(String requestPath) {
                if (path != null) {
                    return path.equals(requestPath) ? path : "unrouted path";
                }
                return "/".equals(requestPath) ? "/" : "/…";
            }
        }).start();
    }

    /**
     * A builder serving {@code buttplug} on 127.0.0.1, an ephemeral port, every path.
     *
     * @param buttplug the Buttplug server that runs one session per client socket
     * @return a new builder, ready to {@link Builder#start() start}
     * @throws NullPointerException when {@code buttplug} is null
     */
    public static Builder builder(ButtplugServer buttplug) {
        return new Builder(buttplug);
    }

    /**
     * The bound port.
     *
     * @return the TCP port, 1 to 65535 (the real one when 0 was asked for)
     */
    public int port() {
        return sockets.port();
    }

    /**
     * Where clients connect: {@code ws://host:port/} or {@code wss://host:port/}.
     *
     * @return the server's root address; with {@link Builder#path(String)} set, clients append that
     *         path
     */
    public URI uri() {
        return sockets.uri();
    }

    /**
     * TCP connections open now, handshaken or not.
     *
     * @return the count, 0 to the {@link Builder#maxConnections(int) connection cap}
     */
    public int openConnections() {
        return sockets.openConnections();
    }

    /**
     * Connections accepted that have not sent a first message yet.
     *
     * @return the count, including connections still in the WebSocket upgrade
     */
    public int pendingConnections() {
        return sockets.pendingConnections();
    }

    /**
     * The Buttplug server whose sessions run here.
     *
     * @return the server given to {@link #builder(ButtplugServer)}; never null
     */
    public ButtplugServer buttplugServer() {
        return buttplug;
    }

    /**
     * Closes every client socket (each session then stops the outputs it drove), stops every device
     * of the manager, and frees the port. Idempotent.
     *
     * @return completes when all that is done; never fails
     */
    public CompletableFuture<Void> stop() {
        if (!stopping.compareAndSet(false, true)) {
            return stopped;
        }
        CompletableFuture<?>[] sessionsEnded = buttplug.sessions().stream()
                .map(ServerSession::closeFuture).toArray(CompletableFuture[]::new);
        sockets.stop()
                .thenCompose(ok -> CompletableFuture.allOf(sessionsEnded)
                        .completeOnTimeout(null, 2, TimeUnit.SECONDS))
                .thenCompose(ok -> buttplug.deviceManager().stopAllDevices()
                        .completeOnTimeout(null, 2, TimeUnit.SECONDS))
                .whenComplete((ok, error) -> {
                    if (error != null) {
                        log.warn("Buttplug WebSocket server: error while stopping devices", error);
                    }
                    stopped.complete(null);
                });
        return stopped;
    }

    /** Blocking {@link #stop()} (at most 10 s), for try-with-resources and shutdown hooks. */
    @Override
    public void close() {
        try {
            stop().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("Buttplug WebSocket server did not stop in time", e);
        }
    }

    /** Default WebSocket keepalive of a Buttplug server: ping every 1 s, close after 3 s of silence. */
    public static final KeepAlive DEFAULT_KEEPALIVE = KeepAlive.every(Duration.ofSeconds(1));

    /**
     * Settings; not thread-safe. Defaults as {@link WebSocketServer#builder()}, except keepalive,
     * which is on ({@link #DEFAULT_KEEPALIVE}).
     */
    public static final class Builder {
        private final ButtplugServer buttplug;
        private final WebSocketServer.Builder sockets = WebSocketServer.builder().keepAlive(DEFAULT_KEEPALIVE);
        private String path;

        private Builder(ButtplugServer buttplug) {
            this.buttplug = Objects.requireNonNull(buttplug, "buttplug");
        }

        /**
         * See {@link WebSocketServer.Builder#host(String)}.
         *
         * @param host the address to bind; default 127.0.0.1 (loopback only)
         * @return this builder
         * @throws NullPointerException when {@code host} is null
         */
        public Builder host(String host) {
            sockets.host(host);
            return this;
        }

        /**
         * See {@link WebSocketServer.Builder#port(int)}.
         *
         * @param port TCP port, 0 to 65535; 0 (the default) picks a free one
         * @return this builder
         * @throws IllegalArgumentException when {@code port} is outside 0..65535
         */
        public Builder port(int port) {
            sockets.port(port);
            return this;
        }

        /**
         * Serve only this request path (e.g. {@code /buttplug}); default: every path. Sockets on any
         * other path are refused with close code 1008.
         *
         * @param path the exact request path clients must use; starts with {@code /}
         * @return this builder
         * @throws IllegalArgumentException when {@code path} does not start with {@code /}
         * @throws NullPointerException when {@code path} is null
         */
        public Builder path(String path) {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("path must start with /: " + path);
            }
            this.path = path;
            return this;
        }

        /**
         * See {@link WebSocketServer.Builder#maxFrameSize(int)}.
         *
         * @param bytes largest text frame accepted, in UTF-8 bytes, at least 1; default 1 MiB
         * @return this builder
         * @throws IllegalArgumentException when {@code bytes} is not positive
         */
        public Builder maxFrameSize(int bytes) {
            sockets.maxFrameSize(bytes);
            return this;
        }

        /**
         * See {@link WebSocketServer.Builder#maxConnections(int)} (default 1024).
         *
         * @param count most TCP connections open at once, at least 1
         * @return this builder
         * @throws IllegalArgumentException when {@code count} is not positive
         */
        public Builder maxConnections(int count) {
            sockets.maxConnections(count);
            return this;
        }

        /**
         * See {@link WebSocketServer.Builder#maxPendingConnections(int, int)} (defaults 1024 and 32).
         *
         * @param total cap on pending connections from all addresses together, at least 1
         * @param perAddress cap on pending connections from one remote IP address, 1 to {@code total}
         * @return this builder
         * @throws IllegalArgumentException when either is not positive or {@code perAddress > total}
         */
        public Builder maxPendingConnections(int total, int perAddress) {
            sockets.maxPendingConnections(total, perAddress);
            return this;
        }

        /**
         * See {@link WebSocketServer.Builder#upgradeTimeout(Duration)} (default 5 s).
         *
         * @param timeout time from accept to a finished WebSocket upgrade; positive
         * @return this builder
         * @throws IllegalArgumentException when not positive
         * @throws NullPointerException when {@code timeout} is null
         */
        public Builder upgradeTimeout(Duration timeout) {
            sockets.upgradeTimeout(timeout);
            return this;
        }

        /**
         * See {@link WebSocketServer.Builder#firstFrameTimeout(Duration)} (default 10 s).
         *
         * @param timeout time from the upgrade to the client's first text frame; positive
         * @return this builder
         * @throws IllegalArgumentException when not positive
         * @throws NullPointerException when {@code timeout} is null
         */
        public Builder firstFrameTimeout(Duration timeout) {
            sockets.firstFrameTimeout(timeout);
            return this;
        }

        /**
         * See {@link WebSocketServer.Builder#maxUnsentBytes(long)} (default 4 MiB).
         *
         * @param bytes most UTF-8 bytes waiting to be written to one socket, at least 1
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder maxUnsentBytes(long bytes) {
            sockets.maxUnsentBytes(bytes);
            return this;
        }

        /**
         * See {@link WebSocketServer.Builder#keepAlive(Duration, Duration)}: catches clients that froze
         * with the socket open. On by default: {@link #DEFAULT_KEEPALIVE}.
         *
         * @param interval time between pings; positive
         * @param timeout silence after which a socket is closed; longer than {@code interval}
         * @return this builder
         * @throws IllegalArgumentException when {@code interval} is not positive or {@code timeout}
         *                                  is not longer than {@code interval}
         * @throws NullPointerException when either duration is null
         */
        public Builder keepAlive(Duration interval, Duration timeout) {
            sockets.keepAlive(interval, timeout);
            return this;
        }

        /**
         * See {@link WebSocketServer.Builder#keepAlive(KeepAlive)}; {@code null} turns it off (it is on
         * by default).
         *
         * @param settings ping interval and silence timeout, or {@code null} for no keepalive
         * @return this builder
         */
        public Builder keepAlive(KeepAlive settings) {
            sockets.keepAlive(settings);
            return this;
        }

        /**
         * See {@link WebSocketServer.Builder#tls(SSLContext)}: serve {@code wss://}.
         *
         * @param context an initialised server-side context whose key manager holds the certificate
         * @return this builder
         * @throws NullPointerException when {@code context} is null
         */
        public Builder tls(SSLContext context) {
            sockets.tls(context);
            return this;
        }

        /**
         * See {@link WebSocketServer.Builder#tls(Path, char[])}: serve {@code wss://} with the key
         * and certificate in a keystore file (PKCS12 or JKS), read now.
         *
         * @param keystore path of the keystore file
         * @param password the password of the keystore and of the key in it (the same one)
         * @return this builder
         * @throws IOException when the file cannot be read or holds no usable key
         */
        public Builder tls(Path keystore, char[] password) throws IOException {
            sockets.tls(keystore, password);
            return this;
        }

        /**
         * Binds and starts serving.
         *
         * @return the running server; stop it with {@link ButtplugWebSocketServer#stop()} or
         *         {@link ButtplugWebSocketServer#close()}, which also stops every device
         * @throws IOException when the address cannot be bound
         */
        public ButtplugWebSocketServer start() throws IOException {
            return new ButtplugWebSocketServer(buttplug, sockets, path);
        }
    }
}
