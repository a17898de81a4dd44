package io.github.buttplugjava.remote;

import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.transport.ws.Admission;
import io.github.buttplugjava.transport.ws.KeepAlive;
import io.github.buttplugjava.transport.ws.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The hub: rooms where many agents share devices and one controller drives them.
 *
 * <p>Two faces, on one WebSocket port:
 * <ul>
 *   <li>{@code /share}: agents dial in; the first frame must be a hello with a room's share token
 *       within {@link Builder#helloTimeout} (default 3 s), else the link is closed. The hub answers
 *       welcome or denied, then runs a Buttplug client over the link and adds the agent's devices
 *       to the room.</li>
 *   <li>{@code /control/<control token>}: an ordinary Buttplug server (spec v0..v4) over the
 *       room, so any Buttplug app is a controller. One controller per room.</li>
 * </ul>
 *
 * <p>Tokens are compared in constant time and never logged. Every link is held to
 * {@link LinkLimits} (frame size and rate) and kept alive with WebSocket pings
 * ({@link Builder#keepAlive}; a link silent for 3 s is closed by default). The hub binds 127.0.0.1 unless told otherwise; serve
 * anything reachable from other machines over TLS ({@link Builder#tls}).
 *
 * <p>Embeddable: without {@link #start()} no port is opened, and an app can still
 * {@link #acceptAgent accept agent links} over any connector and {@linkplain Room#connectController
 * drive a room in-process}. Thread-safe.
 */
public final class RemoteServer implements AutoCloseable {

    /** Path agents dial. */
    public static final String SHARE_PATH = "/share";

    /** Path prefix of controllers; the control token follows. */
    public static final String CONTROL_PREFIX = "/control/";

    /** Default most links (agents and controllers) open at once: {@value}. */
    public static final int DEFAULT_MAX_CONNECTIONS = 16_384;

    /**
     * WebSocket keepalive of every link by default: a ping each second, and a link silent for 3 s
     * is closed. A frozen controller is thus caught within about 4 s (3 s of silence plus up to one
     * interval), and its toys stop; browsers, the npm {@code ws} package and Tyrus answer pings by
     * themselves, so controllers need no Buttplug Ping for this.
     */
    public static final KeepAlive DEFAULT_KEEP_ALIVE = new KeepAlive(Duration.ofSeconds(1), Duration.ofSeconds(3));

    private static final Logger log = LoggerFactory.getLogger(RemoteServer.class);

    private final Builder settings;
    private final List<Room> rooms = new CopyOnWriteArrayList<>();
    private final Map<String, Room> byName = new ConcurrentHashMap<>();
    private volatile WebSocketServer socket;

    private RemoteServer(Builder settings) {
        this.settings = settings;
    }

    /** A builder: 127.0.0.1, an ephemeral port, no rooms. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Adds a room.
     *
     * @throws IllegalArgumentException when a room has this name, or one of the tokens is
     *                                  already a token of another room
     */
    public synchronized Room addRoom(String name, AccessToken shareToken, AccessToken controlToken) {
        if (byName.containsKey(name)) {
            throw new IllegalArgumentException("a room named " + name + " exists");
        }
        for (Room r : rooms) {
            if (r.shareToken().matches(shareToken.reveal()) || r.controlToken().matches(controlToken.reveal())
                    || r.shareToken().matches(controlToken.reveal()) || r.controlToken().matches(shareToken.reveal())) {
                throw new IllegalArgumentException("tokens must not be shared between rooms");
            }
        }
        if (shareToken.matches(controlToken.reveal())) {
            throw new IllegalArgumentException("the share and control tokens must differ");
        }
        Room room = new Room(name, shareToken, controlToken, settings.controllerMaxPingTime);
        rooms.add(room);
        byName.put(name, room);
        return room;
    }

    /** Adds a room with fresh random tokens. */
    public Room addRoom(String name) {
        return addRoom(name, AccessToken.generate(), AccessToken.generate());
    }

    /** The room with this name, if any. */
    public Optional<Room> room(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every room. */
    public List<Room> rooms() {
        return List.copyOf(rooms);
    }

    /**
     * Opens the WebSocket port.
     *
     * @throws IOException when the address cannot be bound
     * @throws IllegalStateException when already started
     */
    public synchronized RemoteServer start() throws IOException {
        if (socket != null) {
            throw new IllegalStateException("already started");
        }
        WebSocketServer.Builder b = WebSocketServer.builder().host(settings.host).port(settings.port)
                .maxFrameSize(settings.limits.maxFrameChars() * 4)
                .keepAlive(settings.keepAlive)
                .maxConnections(settings.maxConnections)
                .handler((path, connector) -> route(path, connector));
        if (settings.tls != null) {
            b.tls(settings.tls);
        } else if (settings.keystore != null) {
            b.tls(settings.keystore, settings.keystorePassword);
        }
        socket = b.start();
        log.info("hub listening on {}", socket.uri());
        return this;
    }

    /** The port, once started. */
    public int port() {
        return requireSocket().port();
    }

    /** The URL agents dial ({@code ws://host:port/share}, or {@code wss://}). */
    public URI shareUri() {
        return base().resolve(SHARE_PATH);
    }

    /** The URL a controller of {@code room} uses; it holds the control token, so treat it as a secret. */
    public URI controlUri(Room room) {
        return base().resolve(CONTROL_PREFIX + room.controlToken().reveal());
    }

    private URI base() {
        WebSocketServer s = requireSocket();
        return URI.create((settings.tls != null || settings.keystore != null ? "wss" : "ws") + "://" + hostForUri(s.host()) + ":" + s.port() + "/");
    }

    private static String hostForUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private WebSocketServer requireSocket() {
        WebSocketServer s = socket;
        if (s == null) {
            throw new IllegalStateException("the hub has not been started");
        }
        return s;
    }

    private Admission route(String path, ButtplugConnector connector) {
        if (SHARE_PATH.equals(path)) {
            acceptAgent(connector);
            return Admission.accept();
        }
        if (path.startsWith(CONTROL_PREFIX)) {
            return acceptController(path.substring(CONTROL_PREFIX.length()), connector)
                    ? Admission.accept() : Admission.refuse("unknown control token");
        }
        return Admission.refuse("unknown path; agents use " + SHARE_PATH + ", controllers " + CONTROL_PREFIX + "<token>");
    }

    /**
     * Takes a controller link that presented {@code token}.
     *
     * @return false, without touching the connector, when no room has that control token
     */
    public boolean acceptController(String token, ButtplugConnector connector) {
        for (Room r : rooms) {
            if (r.controlToken().matches(token)) {
                r.acceptController(new LimitedConnector(connector, settings.limits, "controller"));
                return true;
            }
        }
        log.info("refused a controller with an unknown token");
        return false;
    }

    /**
     * Takes an agent link (e.g. an accepted socket): reads its hello, welcomes or denies it, and
     * on welcome adds its devices to the room its share token names.
     */
    public void acceptAgent(ButtplugConnector connector) {
        LimitedConnector limited = new LimitedConnector(connector, settings.limits, "agent");
        HandoverConnector.open(limited).thenCompose(h -> h.firstFrame()
                        .orTimeout(settings.helloTimeout.toMillis(), TimeUnit.MILLISECONDS)
                        .thenAccept(frame -> hello(h, frame)))
                .whenComplete((v, e) -> {
                    if (e != null) {
                        log.info("closed an agent link that sent no hello in time or failed: {}", e.getMessage());
                        limited.close();
                    }
                });
    }

    private void hello(HandoverConnector link, String frame) {
        Hello hello;
        try {
            hello = Hello.decode(frame);
        } catch (IllegalArgumentException e) {
            deny(link, e.getMessage());
            return;
        }
        if (hello.protocol() != Hello.PROTOCOL) {
            deny(link, "agent protocol " + hello.protocol() + " is not supported; this hub speaks " + Hello.PROTOCOL);
            return;
        }
        Room room = null;
        for (Room r : rooms) {
            if (r.shareToken().matches(hello.token())) {
                room = r;
            }
        }
        if (room == null) {
            log.info("denied an agent ({}) with an unknown share token", hello.alias());
            deny(link, "unknown share token");
            return;
        }
        Room welcomed = room;
        log.info("agent {} joins room {}", hello.alias(), room.name());
        link.send(new HelloReply.Welcome(Hello.PROTOCOL, room.name()).encode())
                .thenRun(() -> welcomed.attachAgent(hello.alias(), link))
                .exceptionally(e -> {
                    link.close();
                    return null;
                });
    }

    private static void deny(HandoverConnector link, String reason) {
        link.send(new HelloReply.Denied(reason).encode()).whenComplete((v, e) -> link.close());
    }

    /** Closes every room (controllers and agents are disconnected; agents stop their toys) and the port. */
    @Override
    public void close() {
        rooms.forEach(Room::close);
        WebSocketServer s = socket;
        if (s != null) {
            s.close();
        }
    }

    /** Settings of a {@link RemoteServer}. Not thread-safe. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private SSLContext tls;
        private java.nio.file.Path keystore;
        private char[] keystorePassword;
        private LinkLimits limits = LinkLimits.DEFAULT;
        private Duration helloTimeout = Duration.ofSeconds(3);
        private Duration controllerMaxPingTime = Duration.ZERO;
        private KeepAlive keepAlive = DEFAULT_KEEP_ALIVE;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;

        private Builder() {
        }

        /**
         * Most links (agents and controllers together) open at once (default
         * {@link #DEFAULT_MAX_CONNECTIONS}); one more is closed at once with 1013 (try again later).
         * A hub for many idle agents raises it; each idle agent link costs about 24 KiB of heap
         * (docs/PERFORMANCE.md).
         *
         * @throws IllegalArgumentException when not positive
         */
        public Builder maxConnections(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("maxConnections must be positive");
            }
            this.maxConnections = count;
            return this;
        }

        /**
         * WebSocket keepalive of every link, controllers and agents alike (default
         * {@link #DEFAULT_KEEP_ALIVE}: ping every 1 s, close after 3 s of silence). A link that
         * stays silent (no pong, no frame) past {@code timeout} is closed as dead: a controller's
         * toys stop, an agent's devices leave the room. Unlike {@link #controllerMaxPingTime} this
         * needs nothing from the app: WebSocket libraries answer pings themselves.
         *
         * @throws IllegalArgumentException when {@code interval} is not positive or {@code timeout}
         *                                  is not longer than {@code interval}
         */
        public Builder keepAlive(Duration interval, Duration timeout) {
            this.keepAlive = new KeepAlive(interval, timeout);
            return this;
        }

        /** Turns the WebSocket keepalive off (then only closed sockets and Buttplug pings are noticed). */
        public Builder noKeepAlive() {
            this.keepAlive = null;
            return this;
        }

        /** The address to bind (default 127.0.0.1; anything else should use TLS). */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port (default 0: an ephemeral one, see {@link RemoteServer#port()}). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be within 0..65535");
            }
            this.port = port;
            return this;
        }

        /** Serve {@code wss://} with this TLS context. */
        public Builder tls(SSLContext context) {
            this.tls = Objects.requireNonNull(context, "context");
            return this;
        }

        /** Serve {@code wss://} with the key and certificate in a PKCS12 or JKS keystore file. */
        public Builder tls(java.nio.file.Path keystore, char[] password) {
            this.keystore = Objects.requireNonNull(keystore, "keystore");
            this.keystorePassword = Objects.requireNonNull(password, "password").clone();
            return this;
        }

        /** Frame size and rate allowed per link (default {@link LinkLimits#DEFAULT}). */
        public Builder limits(LinkLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** How long an agent may take to send its hello (default 3 s). */
        public Builder helloTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the hello timeout must be positive");
            }
            this.helloTimeout = timeout;
            return this;
        }

        /**
         * MaxPingTime of controller sessions: a controller that stops pinging is dropped and every
         * device of the room stops. Default zero (no ping required), because the npm
         * {@code buttplug} clients that many apps are built on never ping and would be dropped;
         * set it (e.g. 2 s) when the controllers are known to ping, to catch a frozen controller
         * whose socket stays open.
         */
        public Builder controllerMaxPingTime(Duration maxPingTime) {
            this.controllerMaxPingTime = Objects.requireNonNull(maxPingTime, "maxPingTime");
            return this;
        }

        /** The hub, with no rooms and no port open yet. */
        public RemoteServer build() {
            return new RemoteServer(this);
        }
    }
}
