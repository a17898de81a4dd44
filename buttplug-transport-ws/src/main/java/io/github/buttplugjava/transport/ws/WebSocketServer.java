package io.github.buttplugjava.transport.ws;

import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WebSocket server (Tyrus on Grizzly) that turns every accepted socket into an open
 * {@link io.github.buttplugjava.core.connector.ButtplugConnector} and hands it, with its request path,
 * to a {@link ConnectionHandler}. Many sockets at once; each is independent.
 *
 * <p>Binds 127.0.0.1 unless told otherwise; use TLS for anything reachable from other machines.
 * Text frames only: a binary frame closes that socket (1003), a text frame over the maximum frame size
 * closes it (1009), a refused socket is closed with 1008 and the handler's reason. Request paths of up
 * to four segments ({@code /a/b/c/d}) are upgraded; deeper ones get HTTP 404.
 *
 * <p>{@link #stop()} closes every socket with 1001 (each connector's listener then sees an orderly
 * {@code onClosed(null)}, so a Buttplug session stops its devices) and frees the port.
 *
 * <p>Thread-safe. Frames of one socket reach its listener serially and in order, usually on a
 * server I/O thread, with no lock held (the listener may send or close from inside a callback).
 * {@link #stop()} never blocks; {@link #close()} is its blocking form.
 */
public final class WebSocketServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebSocketServer.class);

    /** Default largest text frame accepted: 1 MiB. */
    public static final int DEFAULT_MAX_FRAME_SIZE = WebSocketConnector.DEFAULT_MAX_FRAME_SIZE;

    /** Default most sockets open at once. */
    public static final int DEFAULT_MAX_CONNECTIONS = 1024;

    /** How long {@link #stop()} waits for clients to answer the close frames before dropping them. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    private final String host;
    private final boolean secure;
    private final ConnectionHandler handler;
    private final GrizzlyHost grizzly;
    private final Set<SessionPipe> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong accepted = new AtomicLong();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final int port;
    private final int maxFrameSize;
    private final int maxConnections;

    private WebSocketServer(Builder b) throws IOException {
        this.host = b.host;
        this.secure = b.tls != null;
        this.handler = b.handler;
        this.maxFrameSize = b.maxFrameSize;
        this.maxConnections = b.maxConnections;
        this.grizzly = new GrizzlyHost(b.host, b.port, b.maxFrameSize, b.tls);
        try {
            grizzly.deploy(new ServerEndpointConfig.Configurator() {
                @Override
                public <T> T getEndpointInstance(Class<T> endpointClass) {
                    return endpointClass.cast(new PipeEndpoint(WebSocketServer.this::opened,
                            WebSocketServer.this::admit, maxFrameSize));
                }
            }, PipeEndpoint.class);
        } catch (DeploymentException e) {
            throw new IOException("cannot deploy the WebSocket endpoint", e);
        }
        try {
            this.port = grizzly.bind();
        } catch (IOException e) {
            grizzly.shutdownNow();
            throw new IOException("cannot listen on " + b.host + ":" + b.port + ": " + e.getMessage(), e);
        }
        log.info("WebSocket server listening on {}", uri());
    }

    /** A builder with the defaults: 127.0.0.1, ephemeral port, 1 MiB frames, no TLS. */
    public static Builder builder() {
        return new Builder();
    }

    /** The bound port (the real one when 0 was asked for). */
    public int port() {
        return port;
    }

    /** The bound host. */
    public String host() {
        return host;
    }

    /** {@code ws://host:port/} or {@code wss://host:port/}. */
    public URI uri() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return URI.create((secure ? "wss" : "ws") + "://" + h + ":" + port + "/");
    }

    /** Sockets open right now. */
    public int openConnections() {
        return open.size();
    }

    /**
     * Closes every socket (code 1001, "server shutting down"), waits up to 2 s for the clients'
     * close frames, then stops listening and frees the port. Idempotent.
     *
     * @return completes when the port is free; never fails
     */
    public CompletableFuture<Void> stop() {
        if (!stopping.compareAndSet(false, true)) {
            return stopped;
        }
        log.info("WebSocket server on {} stopping ({} open)", uri(), open.size());
        List<SessionPipe> toClose = List.copyOf(open);
        CompletableFuture<?>[] closes = toClose.stream()
                .map(p -> {
                    p.closeWith(CloseReason.CloseCodes.GOING_AWAY, "server shutting down", null);
                    return p.closedFuture();
                })
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(closes)
                .orTimeout(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)
                .handleAsync((ok, timeout) -> {
                    try {
                        grizzly.shutdownNow();
                        open.clear(); // every socket is gone with the listener
                        log.info("WebSocket server on {} stopped", uri());
                        stopped.complete(null);
                    } catch (RuntimeException e) {
                        stopped.complete(null);
                        log.warn("WebSocket server on {}: error while stopping", uri(), e);
                    }
                    return null;
                });
        return stopped;
    }

    /**
     * Blocking {@link #stop()} for try-with-resources and shutdown hooks: returns once the port is
     * free (or after 10 s).
     */
    @Override
    public void close() {
        try {
            stop().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("WebSocket server on {} did not stop in time", uri(), e);
        }
    }

    private SessionPipe opened(Session session) {
        URI requestUri = session.getRequestURI();
        String path = requestUri == null || requestUri.getPath() == null || requestUri.getPath().isEmpty()
                ? "/" : requestUri.getPath();
        SessionPipe pipe = new SessionPipe(session, "ws #" + accepted.incrementAndGet() + " " + SafeLabels.path(path), null, path,
                maxFrameSize);
        open.add(pipe);
        pipe.closedFuture().thenRun(() -> open.remove(pipe));
        return pipe;
    }

    private void admit(SessionPipe pipe) {
        if (stopping.get()) {
            pipe.closeWith(CloseReason.CloseCodes.GOING_AWAY, "server shutting down", null);
            return;
        }
        if (open.size() > maxConnections) {
            log.warn("{}: refused, {} connections already open", pipe.label(), maxConnections);
            pipe.closeWith(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too many connections", null);
            return;
        }
        Admission admission;
        try {
            admission = Objects.requireNonNull(handler.onConnection(pipe.path(), pipe), "handler returned null");
        } catch (RuntimeException e) {
            log.warn("{}: connection handler failed", pipe.label(), e);
            pipe.closeWith(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "server error", null);
            return;
        }
        if (admission.accepted()) {
            log.info("{}: accepted", pipe.label());
        } else {
            log.info("{}: refused: {}", pipe.label(), admission.reason());
            pipe.closeWith(CloseReason.CloseCodes.VIOLATED_POLICY, admission.reason(), null);
        }
    }

    /** Settings of a {@link WebSocketServer}; not thread-safe. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private int maxFrameSize = DEFAULT_MAX_FRAME_SIZE;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private SSLContext tls;
        private ConnectionHandler handler;

        private Builder() {
        }

        /** Address to bind; default 127.0.0.1 (loopback only). */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Port to bind; 0 (the default) picks a free one, see {@link WebSocketServer#port()}. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** Largest text frame accepted, in bytes; a larger one closes that socket with 1009. */
        public Builder maxFrameSize(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxFrameSize must be positive: " + bytes);
            }
            this.maxFrameSize = bytes;
            return this;
        }

        /** Most sockets open at once (default 1024); one more is closed at once with 1013 (try again later). */
        public Builder maxConnections(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("maxConnections must be positive: " + count);
            }
            this.maxConnections = count;
            return this;
        }

        /** Serve {@code wss://} with this server context (its key manager holds the certificate). */
        public Builder tls(SSLContext context) {
            this.tls = Objects.requireNonNull(context, "context");
            return this;
        }

        /**
         * Serve {@code wss://} with the key and certificate in a keystore file (PKCS12 or JKS).
         *
         * @throws IOException when the file cannot be read or holds no usable key
         */
        public Builder tls(Path keystore, char[] password) throws IOException {
            try {
                KeyStore ks = KeyStore.getInstance(keystore.toFile(), password);
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, password);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(kmf.getKeyManagers(), null, null);
                this.tls = context;
                return this;
            } catch (GeneralSecurityException | IOException e) {
                throw new IOException("cannot use keystore " + keystore + ": " + e.getMessage(), e);
            }
        }

        /** What to do with each accepted socket (required). */
        public Builder handler(ConnectionHandler handler) {
            this.handler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * Binds and starts serving.
         *
         * @throws IOException when the address cannot be bound
         * @throws IllegalStateException when no handler was set
         */
        public WebSocketServer start() throws IOException {
            if (handler == null) {
                throw new IllegalStateException("a connection handler is required");
            }
            return new WebSocketServer(this);
        }
    }
}
