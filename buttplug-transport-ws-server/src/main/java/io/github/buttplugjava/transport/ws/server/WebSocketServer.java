package io.github.buttplugjava.transport.ws.server;

import io.github.buttplugjava.transport.ws.KeepAlive;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WebSocket server (Netty: Linux's epoll where its native library loads, else the JDK's NIO; see
 * {@code docs/transport-ws.md}) that turns every accepted socket into an open
 * {@link io.github.buttplugjava.core.connector.ButtplugConnector} and hands it, with its request path,
 * to a {@link ConnectionHandler}. Many sockets at once; each is independent.
 *
 * <p>Binds 127.0.0.1 unless told otherwise; use TLS for anything reachable from other machines.
 * Text frames only: a binary frame closes that socket (1003), a text frame over the maximum frame size
 * closes it (1009), a refused socket is closed with 1008 and the handler's reason. Request paths of up
 * to four segments ({@code /a/b/c/d}) are upgraded; deeper ones get HTTP 404.
 *
 * <p>Every connection is bounded from accept (see {@code docs/LIMITS.md}, section 1): it counts
 * against {@link Builder#maxConnections(int)} at once, must finish the upgrade within
 * {@link Builder#upgradeTimeout(Duration)} and send its first text frame within
 * {@link Builder#firstFrameTimeout(Duration)}; until then it is <em>pending</em>, and the oldest
 * pending connections are shed first when room is needed ({@link Builder#maxPendingConnections}).
 * A peer that does not read what is sent to it is aborted once more than
 * {@link Builder#maxUnsentBytes(long)} wait. The connectors handed out support
 * {@code pauseReading()}/{@code resumeReading()} (TCP flow control), {@code abort(reason)} and
 * {@code remoteAddress()}. Request paths are never logged: a socket is named by its number, remote
 * address and {@link ConnectionHandler#describe(String) route}.
 *
 * <p>{@link #stop()} closes every socket with 1001 (each connector's listener then sees an orderly
 * {@code onClosed(null)}, so a Buttplug session stops its devices) and frees the port.
 *
 * <p>Thread-safe. Frames of one socket reach its listener serially and in order, usually on a
 * server I/O thread, with no lock held (the listener may send or close from inside a callback).
 * {@link #stop()} never blocks; {@link #close()} is its blocking form. Threads: one acceptor and
 * {@link Builder#ioThreads(int)} I/O threads, daemons named {@code buttplug-ws-*}, ended by
 * {@link #stop()}.
 */
public final class WebSocketServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebSocketServer.class);

    /** Default largest text frame accepted: 1 MiB. */
    public static final int DEFAULT_MAX_FRAME_SIZE = WebSocketConnector.DEFAULT_MAX_FRAME_SIZE;

    /** Default most TCP connections open at once, upgraded or not. */
    public static final int DEFAULT_MAX_CONNECTIONS = 1024;

    /** Default most pending connections (accepted, no text frame heard yet) in all. */
    public static final int DEFAULT_MAX_PENDING = 1024;

    /** Default most pending connections from one remote address. */
    public static final int DEFAULT_MAX_PENDING_PER_ADDRESS = 32;

    /** Default time from accept to a finished WebSocket upgrade. */
    public static final Duration DEFAULT_UPGRADE_TIMEOUT = Duration.ofSeconds(5);

    /** Default time from the upgrade to the first text frame. */
    public static final Duration DEFAULT_FIRST_FRAME_TIMEOUT = Duration.ofSeconds(10);

    /** Default most bytes handed to {@code send} and not yet written, per socket: 4 MiB. */
    public static final long DEFAULT_MAX_UNSENT_BYTES = 4L << 20;

    /** How long {@link #stop()} waits for clients to answer the close frames before dropping them. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    private final String host;
    private final boolean secure;
    /** Netty's adaptive read sizing with its defaults, shared: it keeps no state of its own per socket. */
    private static final AdaptiveRecvByteBufAllocator READ_SIZES = new AdaptiveRecvByteBufAllocator();

    private final ConnectionRegistry registry;
    private final EventLoopGroup acceptor;
    private final EventLoopGroup io;
    private final Channel listening;
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final int port;

    private WebSocketServer(Builder b) throws IOException {
        this.host = b.host;
        this.secure = b.tls != null;
        this.registry = new ConnectionRegistry(b.maxConnections, b.maxPending, b.maxPendingPerAddress);
        ServerSettings settings = new ServerSettings(b.maxFrameSize, b.upgradeTimeout, b.firstFrameTimeout,
                b.maxUnsentBytes, b.keepAlive, CLOSE_GRACE);
        SocketTransport transport = SocketTransport.best();
        this.acceptor = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("buttplug-ws-accept", true),
                transport.ioHandlers());
        this.io = new MultiThreadIoEventLoopGroup(b.ioThreads, new EventLoopAffinity.IoThreads("buttplug-ws-io"),
                transport.ioHandlers());
        String h = host.contains(":") ? "[" + host + "]" : host;
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, io)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                // one allocator for every socket (each still sizes its reads on its own): Netty's
                // default makes one per socket (memory per idle link)
                .childOption(ChannelOption.RCVBUF_ALLOCATOR, READ_SIZES)
                .childHandler(new ServerInitializer(settings, registry, b.handler, b.tls, stopping::get,
                        WebSocketServer::shed, (secure ? "wss" : "ws") + "://" + h + "/", b.pages));
        try {
            this.listening = bootstrap.bind(host, b.port).sync().channel();
        } catch (Exception e) {
            acceptor.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            io.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("cannot listen on " + host + ":" + b.port + ": " + e.getMessage(), e);
        }
        this.port = ((java.net.InetSocketAddress) listening.localAddress()).getPort();
        log.info("WebSocket server listening on {}{}", uri(), b.keepAlive == null ? ""
                : " (keepalive: ping every " + b.keepAlive.interval().toMillis() + " ms, close after "
                        + b.keepAlive.timeout().toMillis() + " ms of silence)");
    }

    /**
     * A builder with the defaults: 127.0.0.1, ephemeral port, 1 MiB frames, no TLS.
     *
     * @return a new builder; a {@link Builder#handler(ConnectionHandler) handler} must be set before
     *         {@link Builder#start()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The bound port (the real one when 0 was asked for).
     *
     * @return the TCP port, 1 to 65535; still the same after {@link #stop()}
     */
    public int port() {
        return port;
    }

    /**
     * The bound host.
     *
     * @return the address as given to {@link Builder#host(String)}, e.g. {@code 127.0.0.1}
     */
    public String host() {
        return host;
    }

    /**
     * {@code ws://host:port/} or {@code wss://host:port/}.
     *
     * @return the address clients dial: {@code wss} when TLS is on, an IPv6 host in brackets, the
     *         bound port, root path
     */
    public URI uri() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return URI.create((secure ? "wss" : "ws") + "://" + h + ":" + port + "/");
    }

    /**
     * TCP connections open right now, upgraded or not.
     *
     * @return the count, 0 to {@link Builder#maxConnections(int)}
     */
    public int openConnections() {
        return registry.open();
    }

    /**
     * Connections open right now that have not sent a text frame yet (including those not upgraded).
     *
     * @return the count, 0 to the total of {@link Builder#maxPendingConnections(int, int)}
     */
    public int pendingConnections() {
        return registry.pending();
    }

    /**
     * Stops accepting, closes every socket (code 1001, "server shutting down"), waits up to 2 s for
     * the clients' close frames, drops what is left, frees the port and ends the server's threads.
     * Idempotent.
     *
     * @return completes when the port is free and the threads have ended; never fails
     */
    public CompletableFuture<Void> stop() {
        if (!stopping.compareAndSet(false, true)) {
            return stopped;
        }
        List<Channel> open = registry.stop();
        log.info("WebSocket server on {} stopping ({} open)", uri(), open.size());
        listening.close();
        CompletableFuture<?>[] closes = open.stream().map(channel -> {
            CompletableFuture<Void> done = new CompletableFuture<>();
            channel.closeFuture().addListener(f -> done.complete(null));
            ServerLink link = channel.pipeline().get(ServerLink.class);
            if (link != null) {
                link.closeWith(1001, "server shutting down", null, false);
            } else {
                channel.close();
            }
            return done;
        }).toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(closes)
                .completeOnTimeout(null, CLOSE_GRACE.toMillis() + 500, TimeUnit.MILLISECONDS)
                .whenComplete((ok, error) -> {
                    open.forEach(Channel::close);
                    io.shutdownGracefully(0, 1, TimeUnit.SECONDS);
                    acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS);
                    io.terminationFuture().addListener(a -> acceptor.terminationFuture().addListener(b -> {
                        log.info("WebSocket server on {} stopped", uri());
                        stopped.complete(null);
                    }));
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

    /** Closes a connection shed to make room: 1013 when upgraded, else the TCP connection. */
    private static void shed(Channel channel) {
        ServerLink link = channel.pipeline().get(ServerLink.class);
        if (link != null) {
            link.shed();
        } else {
            channel.close();
        }
    }

    /** Settings of a {@link WebSocketServer}; not thread-safe. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private int maxFrameSize = DEFAULT_MAX_FRAME_SIZE;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private int maxPending = DEFAULT_MAX_PENDING;
        private int maxPendingPerAddress = DEFAULT_MAX_PENDING_PER_ADDRESS;
        private Duration upgradeTimeout = DEFAULT_UPGRADE_TIMEOUT;
        private Duration firstFrameTimeout = DEFAULT_FIRST_FRAME_TIMEOUT;
        private long maxUnsentBytes = DEFAULT_MAX_UNSENT_BYTES;
        private int ioThreads = Math.max(1, Runtime.getRuntime().availableProcessors());
        private SSLContext tls;
        private ConnectionHandler handler;
        private HttpPages pages;
        private KeepAlive keepAlive;

        private Builder() {
        }

        /**
         * Address to bind; default 127.0.0.1 (loopback only).
         *
         * @param host an IP address or host name, e.g. {@code 0.0.0.0} for every interface; an
         *             address that cannot be bound fails {@link #start()}
         * @return this builder
         * @throws NullPointerException when {@code host} is null
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * Port to bind; 0 (the default) picks a free one, see {@link WebSocketServer#port()}.
         *
         * @param port TCP port, 0 to 65535
         * @return this builder
         * @throws IllegalArgumentException when {@code port} is outside 0..65535
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Largest text frame accepted, in bytes; a larger one closes that socket with 1009.
         *
         * @param bytes the limit in UTF-8 bytes, at least 1; default 1 MiB
         * @return this builder
         * @throws IllegalArgumentException when {@code bytes} is not positive
         */
        public Builder maxFrameSize(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxFrameSize must be positive: " + bytes);
            }
            this.maxFrameSize = bytes;
            return this;
        }

        /**
         * Most TCP connections open at once, counted from accept whether upgraded or not (default
         * 1024). When a new connection would pass it, the oldest <em>pending</em> connection (one
         * that has not sent a text frame yet) is closed to make room; when none is pending, the
         * newcomer's TCP connection is closed at once.
         *
         * @param count the cap, at least 1
         * @return this builder
         * @throws IllegalArgumentException when {@code count} is not positive
         */
        public Builder maxConnections(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("maxConnections must be positive: " + count);
            }
            this.maxConnections = count;
            return this;
        }

        /**
         * Most <em>pending</em> connections (accepted, no text frame heard yet), in all and per
         * remote address (defaults 1024 and 32). Past {@code total} the oldest pending connection
         * is closed; past {@code perAddress} that address's own oldest pending connection is
         * closed. An upgraded connection shed this way gets close code 1013. Silent sockets thus
         * never lock out users who talk.
         *
         * @param total cap on pending connections from all addresses together, at least 1
         * @param perAddress cap on pending connections from one remote IP address, 1 to {@code total}
         * @return this builder
         * @throws IllegalArgumentException when either is not positive or {@code perAddress > total}
         */
        public Builder maxPendingConnections(int total, int perAddress) {
            if (total < 1 || perAddress < 1) {
                throw new IllegalArgumentException("pending connection caps must be positive: " + total + ", "
                        + perAddress);
            }
            if (perAddress > total) {
                throw new IllegalArgumentException("the per-address pending cap (" + perAddress
                        + ") cannot exceed the total (" + total + ")");
            }
            this.maxPending = total;
            this.maxPendingPerAddress = perAddress;
            return this;
        }

        /**
         * Time from accept to a finished WebSocket upgrade (TLS handshake included), default 5 s;
         * a connection that takes longer (silent, or sending its request slowly) is closed.
         *
         * @param timeout the deadline, counted from accept; positive
         * @return this builder
         * @throws IllegalArgumentException when not positive
         * @throws NullPointerException when {@code timeout} is null
         */
        public Builder upgradeTimeout(Duration timeout) {
            this.upgradeTimeout = positive(timeout, "upgradeTimeout");
            return this;
        }

        /**
         * Time from the upgrade to the first text frame, default 10 s; a socket that stays silent
         * longer is closed with 1008 "no message within N s".
         *
         * @param timeout the deadline, counted from the finished upgrade; positive
         * @return this builder
         * @throws IllegalArgumentException when not positive
         * @throws NullPointerException when {@code timeout} is null
         */
        public Builder firstFrameTimeout(Duration timeout) {
            this.firstFrameTimeout = positive(timeout, "firstFrameTimeout");
            return this;
        }

        /**
         * Most bytes (UTF-8 text handed to {@code send}) waiting to be written to one socket,
         * default 4 MiB. A send that would pass it fails and the socket is aborted with 1008 "peer
         * is not reading (more than N bytes unsent)", so a peer that stops reading costs at most
         * this much memory.
         *
         * @param bytes the cap per socket, in UTF-8 bytes, at least 1
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder maxUnsentBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxUnsentBytes must be positive: " + bytes);
            }
            this.maxUnsentBytes = bytes;
            return this;
        }

        /**
         * Number of I/O threads serving the sockets (default: one per available processor); one more
         * thread accepts connections.
         *
         * @param count number of I/O threads, at least 1
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder ioThreads(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("ioThreads must be positive: " + count);
            }
            this.ioThreads = count;
            return this;
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
            return d;
        }

        /**
         * Serve {@code wss://} with this server context (its key manager holds the certificate).
         * Replaces any TLS set before.
         *
         * @param context an initialised server-side context
         * @return this builder
         * @throws NullPointerException when {@code context} is null
         */
        public Builder tls(SSLContext context) {
            this.tls = Objects.requireNonNull(context, "context");
            return this;
        }

        /**
         * Serve {@code wss://} with the key and certificate in a keystore file (PKCS12 or JKS).
         * The file is read now; replaces any TLS set before.
         *
         * @param keystore path of the keystore file; its type is detected from its content
         * @param password the password of the keystore and of the key in it (the same one)
         * @return this builder
         * @throws IOException when the file cannot be read or holds no usable key (a wrong password
         *                     included); the builder is unchanged then
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

        /**
         * WebSocket keepalive (default off): every {@code interval} a ping frame goes to each open
         * socket that has been silent for about that long (a socket heard from lately needs none;
         * one task per I/O thread ticks its sockets, an eighth of them every eighth of the
         * interval, rather than a timer per socket); any pong or frame from the peer counts as
         * alive, and a socket paused by {@code pauseReading()} is not silent. A socket
         * silent for longer than {@code timeout} is closed with 1001 and the reason "no answer to
         * pings for N ms", and its listener's {@code onClosed} gets a
         * {@link io.github.buttplugjava.core.connector.ConnectorException} (so a Buttplug session
         * behind it ends and stops what it drove). A dead peer is noticed within
         * {@code timeout + interval}. Browsers, the npm {@code ws} package, and the JDK client
         * answer pings by themselves, so their apps need no change.
         *
         * @param interval time between pings; positive
         * @param timeout silence after which a socket is closed; longer than {@code interval}
         * @return this builder
         * @throws IllegalArgumentException when {@code interval} is not positive or {@code timeout}
         *                                  is not longer than {@code interval}
         * @throws NullPointerException when either duration is null
         */
        public Builder keepAlive(Duration interval, Duration timeout) {
            return keepAlive(new KeepAlive(interval, timeout));
        }

        /**
         * See {@link #keepAlive(Duration, Duration)}; {@code null} turns keepalive off.
         *
         * @param settings ping interval and silence timeout, or {@code null} for no keepalive
         * @return this builder
         */
        public Builder keepAlive(KeepAlive settings) {
            this.keepAlive = settings;
            return this;
        }

        /**
         * Answers plain HTTP GETs (no WebSocket upgrade) on the same port, e.g. a web page at the URL
         * of a WebSocket; {@code null} (the default) answers them with HTTP 400. See {@link HttpPages}
         * for the bounds they are held to.
         *
         * @param pages what answers plain GETs, or {@code null} to answer them with HTTP 400
         * @return this builder
         */
        public Builder pages(HttpPages pages) {
            this.pages = pages;
            return this;
        }

        /**
         * What to do with each accepted socket (required).
         *
         * @param handler called once per upgraded socket with its request path and open connector
         * @return this builder
         * @throws NullPointerException when {@code handler} is null
         */
        public Builder handler(ConnectionHandler handler) {
            this.handler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * Binds and starts serving.
         *
         * @return the running server, bound and accepting; stop it with {@link WebSocketServer#stop()}
         *         or {@link WebSocketServer#close()}
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
