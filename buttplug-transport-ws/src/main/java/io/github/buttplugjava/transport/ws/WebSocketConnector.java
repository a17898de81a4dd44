package io.github.buttplugjava.transport.ws;

import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.ConnectorException;
import io.github.buttplugjava.core.connector.FrameListener;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.SslEngineConfigurator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ButtplugConnector} that dials a WebSocket server ({@code ws://} or {@code wss://}) with
 * Tyrus, e.g. an Intiface Engine, a {@link WebSocketServer} or a hub.
 *
 * <p>Text frames only: a binary frame from the server closes the socket (code 1003) and a text
 * frame larger than {@link Builder#maxFrameSize(int)} closes it (code 1009); both are reported to
 * {@link FrameListener#onClosed(Throwable)} with a {@link ConnectorException}. An orderly close
 * (codes 1000/1001, by either side) is reported with {@code null}; any other end (abrupt loss of the
 * peer, a protocol error) with a {@link ConnectorException}. Exactly one {@code onClosed} per
 * successful {@link #connect}.
 *
 * <p>Threading: {@link FrameListener} calls happen serially, in order, usually on a Tyrus I/O
 * thread, with no lock held: the listener may call {@link #send} or {@link #close} from inside a
 * callback, and must not block. All methods are thread-safe and never block. Single use: after
 * close, build a new one. Reading cannot be paused ({@code pauseReading()} returns false).
 */
public final class WebSocketConnector implements ButtplugConnector {

    private static final Logger log = LoggerFactory.getLogger(WebSocketConnector.class);

    /** Default largest text frame accepted: 1 MiB. */
    public static final int DEFAULT_MAX_FRAME_SIZE = 1 << 20;

    /** Default most bytes handed to {@link #send} and not yet written: 4 MiB. */
    public static final long DEFAULT_MAX_UNSENT_BYTES = 4L << 20;

    /** Default time to open the socket and finish the WebSocket upgrade. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final URI uri;
    private final String label;
    private final SSLContext sslContext;
    private final int maxFrameSize;
    private final Duration connectTimeout;
    private final KeepAlive keepAlive;
    private final long maxUnsentBytes;
    private final AtomicReference<SessionPipe> pipe = new AtomicReference<>();
    private final AtomicReference<CompletableFuture<Void>> connecting = new AtomicReference<>();

    private WebSocketConnector(Builder b) {
        this.uri = b.uri;
        this.label = SafeLabels.uri(b.uri);
        this.sslContext = b.sslContext;
        this.maxFrameSize = b.maxFrameSize;
        this.connectTimeout = b.connectTimeout;
        this.keepAlive = b.keepAlive;
        this.maxUnsentBytes = b.maxUnsentBytes;
    }

    /** A connector to {@code uri} with default settings. */
    public static WebSocketConnector to(URI uri) {
        return builder(uri).build();
    }

    /** A builder for a connector to {@code uri} ({@code ws} or {@code wss} scheme). */
    public static Builder builder(URI uri) {
        return new Builder(uri);
    }

    /** The address this connector dials. */
    public URI uri() {
        return uri;
    }

    /**
     * Dials the server. Frames go to {@code listener} from then on.
     *
     * @return completes (on a Tyrus thread) once the WebSocket is open; fails with {@link ConnectorException} when the
     *         server cannot be reached, refuses the upgrade, TLS fails, or the connect timeout passes,
     *         and when this connector was already used
     */
    @Override
    public CompletableFuture<Void> connect(FrameListener listener) {
        Objects.requireNonNull(listener, "listener");
        CompletableFuture<Void> result = new CompletableFuture<>();
        if (!connecting.compareAndSet(null, result)) {
            return CompletableFuture.failedFuture(new ConnectorException(label + ": connector already used"));
        }
        ClientManager client = ClientManager.createClient();
        client.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT, (int) Math.min(Integer.MAX_VALUE,
                connectTimeout.toMillis()));
        client.getProperties().put(ClientProperties.INCOMING_BUFFER_SIZE, incomingBufferSize(maxFrameSize));
        client.getProperties().put(ClientProperties.SHARED_CONTAINER, true);
        if (sslContext != null) {
            client.getProperties().put(ClientProperties.SSL_ENGINE_CONFIGURATOR,
                    new SslEngineConfigurator(sslContext, true, false, false));
        }
        client.getProperties().put(ClientProperties.RECONNECT_HANDLER, new ClientManager.ReconnectHandler() {
            @Override
            public boolean onConnectFailure(Exception exception) {
                result.completeExceptionally(new ConnectorException(label + ": cannot connect: "
                        + exception.getMessage(), exception));
                return false;
            }
        });
        PipeEndpoint endpoint = new PipeEndpoint(session -> {
            SessionPipe opened = new SessionPipe(session, label, listener, uri.getPath(), maxFrameSize,
                    maxUnsentBytes);
            pipe.set(opened);
            return opened;
        }, opened -> {
            if (!result.complete(null)) {
                // closed or timed out while the upgrade was in flight
                opened.close();
            } else {
                log.info("{}: connected", label);
                if (keepAlive != null) {
                    DialerKeepAlive.watch(opened, keepAlive);
                }
            }
        }, maxFrameSize);
        try {
            client.asyncConnectToServer(endpoint, ClientEndpointConfig.Builder.create().build(), uri);
        } catch (DeploymentException | RuntimeException e) {
            result.completeExceptionally(new ConnectorException(label + ": cannot connect: " + e.getMessage(), e));
            return result;
        }
        // Tyrus times the upgrade; this also bounds a TCP connect that never answers
        CompletableFuture.delayedExecutor(connectTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS)
                .execute(() -> result.completeExceptionally(
                        new ConnectorException(label + ": not connected within " + connectTimeout.toMillis() + " ms")));
        return result;
    }

    @Override
    public CompletableFuture<Void> send(String frame) {
        SessionPipe p = pipe.get();
        if (p == null) {
            return CompletableFuture.failedFuture(new ConnectorException(label + ": not connected"));
        }
        return p.send(frame);
    }

    @Override
    public CompletableFuture<Void> close() {
        SessionPipe p = pipe.get();
        if (p == null) {
            CompletableFuture<Void> c = connecting.get();
            if (c != null) {
                c.completeExceptionally(new ConnectorException(label + ": closed while connecting"));
            }
            return CompletableFuture.completedFuture(null);
        }
        return p.close();
    }

    @Override
    public boolean isConnected() {
        SessionPipe p = pipe.get();
        return p != null && p.isConnected();
    }

    /**
     * Closes with code 1008 and {@code reason} (cut to 123 UTF-8 bytes); the listener's
     * {@code onClosed} gets a {@link ConnectorException} carrying it. The TCP connection is dropped
     * within about a second even when the close frame cannot be written. Before the connection is
     * open, it fails the connect like {@link #close()}.
     */
    @Override
    public CompletableFuture<Void> abort(String reason) {
        SessionPipe p = pipe.get();
        if (p == null) {
            return close();
        }
        return p.abort(reason);
    }

    /** The dialed host and port, unresolved (Tyrus does not expose the socket's address). */
    @Override
    public Optional<InetSocketAddress> remoteAddress() {
        if (uri.getHost() == null) {
            return Optional.empty();
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : "wss".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return Optional.of(InetSocketAddress.createUnresolved(uri.getHost(), port));
    }

    /** Tyrus' read buffer must hold a whole frame plus whatever else arrived in the same read. */
    static int incomingBufferSize(int maxFrameSize) {
        return (int) Math.min(Integer.MAX_VALUE, (long) maxFrameSize + 14 + (256 << 10));
    }

    /** Settings of a {@link WebSocketConnector}; not thread-safe. */
    public static final class Builder {
        private final URI uri;
        private SSLContext sslContext;
        private int maxFrameSize = DEFAULT_MAX_FRAME_SIZE;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private KeepAlive keepAlive;
        private long maxUnsentBytes = DEFAULT_MAX_UNSENT_BYTES;

        private Builder(URI uri) {
            this.uri = Objects.requireNonNull(uri, "uri");
            String scheme = uri.getScheme();
            if (!"ws".equalsIgnoreCase(scheme) && !"wss".equalsIgnoreCase(scheme)) {
                throw new IllegalArgumentException("not a ws:// or wss:// address: " + SafeLabels.uri(uri));
            }
        }

        /** TLS settings for {@code wss://} (trust store, client keys); default: the JVM's default context. */
        public Builder sslContext(SSLContext context) {
            this.sslContext = Objects.requireNonNull(context, "context");
            return this;
        }

        /** Largest text frame accepted from the server, in bytes; larger ones close the socket (1009). */
        public Builder maxFrameSize(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxFrameSize must be positive: " + bytes);
            }
            this.maxFrameSize = bytes;
            return this;
        }

        /** Time allowed for TCP connect, TLS and the upgrade. */
        public Builder connectTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("connectTimeout must be positive: " + timeout);
            }
            this.connectTimeout = timeout;
            return this;
        }

        /**
         * WebSocket keepalive toward the server (default off): every {@code interval} a ping frame
         * goes out (all connectors share one timer thread); any pong or frame from the server counts
         * as alive. When nothing arrived for longer than {@code timeout} the connector closes and its
         * listener's {@code onClosed} gets a {@link ConnectorException}: a server that froze or whose
         * network vanished is noticed within {@code timeout + interval} (plus one more interval when
         * the close frame cannot be delivered). RFC 6455 servers answer pings by themselves (Tyrus,
         * and so {@link WebSocketServer}, does).
         *
         * @throws IllegalArgumentException when {@code interval} is not positive or {@code timeout}
         *                                  is not longer than {@code interval}
         */
        public Builder keepAlive(Duration interval, Duration timeout) {
            this.keepAlive = new KeepAlive(interval, timeout);
            return this;
        }

        /**
         * Most bytes (UTF-8 text handed to {@code send}) waiting to be written, default 4 MiB. A
         * send that would pass it fails and the connector is aborted with 1008 "peer is not
         * reading (more than N bytes unsent)": a server that stops reading costs at most this much.
         *
         * @throws IllegalArgumentException when not positive
         */
        public Builder maxUnsentBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxUnsentBytes must be positive: " + bytes);
            }
            this.maxUnsentBytes = bytes;
            return this;
        }

        /** The connector. */
        public WebSocketConnector build() {
            return new WebSocketConnector(this);
        }
    }
}
