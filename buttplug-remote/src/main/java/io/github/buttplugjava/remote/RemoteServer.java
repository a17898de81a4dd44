package io.github.buttplugjava.remote;

import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.MessageLimits;
import io.github.buttplugjava.core.internal.SharedExecutors;
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
import java.util.concurrent.ScheduledFuture;
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
 * <p>Tokens are compared in constant time and never logged, whatever path a client typed; failed
 * authentications are summarized per remote address, one line a minute. Every link is bounded
 * as docs/LIMITS.md describes: frame size and unsent bytes at the transport, messages by
 * {@link MessageLimits}, and each agent by its caps (devices, features per device, device churn);
 * relayed commands are coalesced per feature so an agent's replies stay bounded by what it was
 * sent and no agent is closed for answering. Links are kept alive with WebSocket pings
 * ({@link Builder#keepAlive}; a link silent for 3 s is closed by default). The hub binds
 * 127.0.0.1 unless told otherwise; serve anything reachable from other machines over TLS
 * ({@link Builder#tls}).
 *
 * <p>The settings are taken from the builder by {@link Builder#build()}: changing the builder
 * afterwards does not change a built hub.
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

    /** Default largest text frame, in bytes: 1 MiB. */
    public static final int DEFAULT_MAX_FRAME_SIZE = 1 << 20;

    /** Default most connections not yet heard from, in all: {@value}. */
    public static final int DEFAULT_MAX_PENDING_CONNECTIONS = 1024;

    /** Default most connections not yet heard from, per remote address: {@value}. */
    public static final int DEFAULT_MAX_PENDING_PER_ADDRESS = 32;

    /** Default deadline from accept to a finished WebSocket upgrade: 5 s. */
    public static final Duration DEFAULT_UPGRADE_TIMEOUT = Duration.ofSeconds(5);

    /** Default deadline from the upgrade to the first text frame: 10 s. */
    public static final Duration DEFAULT_FIRST_FRAME_TIMEOUT = Duration.ofSeconds(10);

    /** Default most bytes queued for a peer that does not read: 4 MiB. */
    public static final long DEFAULT_MAX_UNSENT_BYTES = 4L << 20;

    private static final Logger log = LoggerFactory.getLogger(RemoteServer.class);

    /** How often failed authentications are summarized per remote address. */
    static final Duration AUTH_LOG_INTERVAL = Duration.ofMinutes(1);

    private final HubSettings settings;
    private final List<Room> rooms = new CopyOnWriteArrayList<>();
    private final Map<String, Room> byName = new ConcurrentHashMap<>();
    private final AuthFailureLog authFailures =
            new AuthFailureLog(AUTH_LOG_INTERVAL.toNanos(), System::nanoTime, log::info);
    private volatile WebSocketServer socket;
    private volatile ScheduledFuture<?> authFlusher;

    private RemoteServer(HubSettings settings) {
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
        Room room = new Room(name, shareToken, controlToken, settings.controllerMaxPingTime(), settings.agentCaps(),
                settings.messageLimits());
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
        WebSocketServer.Builder b = WebSocketServer.builder().host(settings.host()).port(settings.port())
                .maxFrameSize(settings.maxFrameSize())
                .maxPendingConnections(settings.maxPendingConnections(), settings.maxPendingPerAddress())
                .upgradeTimeout(settings.upgradeTimeout())
                .firstFrameTimeout(settings.firstFrameTimeout())
                .maxUnsentBytes(settings.maxUnsentBytes())
                .keepAlive(settings.keepAlive())
                .maxConnections(settings.maxConnections())
                .handler((path, connector) -> route(path, connector));
        if (settings.tls() != null) {
            b.tls(settings.tls());
        } else if (settings.keystore() != null) {
            b.tls(settings.keystore(), settings.keystorePassword());
        }
        socket = b.start();
        long every = AUTH_LOG_INTERVAL.toMillis() / 4;
        authFlusher = SharedExecutors.timers().scheduleAtFixedRate(authFailures::flush, every, every, TimeUnit.MILLISECONDS);
        log.info("hub listening on {}", socket.uri());
        return this;
    }

    /** The port, once started. */
    public int port() {
        return requireSocket().port();
    }

    /** TCP connections open now (agents, controllers and sockets not yet heard from); 0 before start. */
    public int openConnections() {
        WebSocketServer s = socket;
        return s == null ? 0 : s.openConnections();
    }

    /** Connections accepted that have not sent a first message yet; 0 before start. */
    public int pendingConnections() {
        WebSocketServer s = socket;
        return s == null ? 0 : s.pendingConnections();
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
        return URI.create((settings.secure() ? "wss" : "ws") + "://" + hostForUri(s.host()) + ":" + s.port() + "/");
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

    /** Routes an upgraded socket by its path. The path may hold a token: it is never logged or echoed. */
    private Admission route(String path, ButtplugConnector connector) {
        if (SHARE_PATH.equals(path)) {
            acceptAgent(connector);
            return Admission.accept();
        }
        if (path != null && path.startsWith(CONTROL_PREFIX)) {
            return acceptController(path.substring(CONTROL_PREFIX.length()), connector)
                    ? Admission.accept() : Admission.refuse("unknown control token");
        }
        authFailures.refused(AuthFailureLog.addressOf(connector), "unknown path");
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
                r.acceptController(connector);
                return true;
            }
        }
        authFailures.refused(AuthFailureLog.addressOf(connector), "unknown control token");
        return false;
    }

    /**
     * Takes an agent link (e.g. an accepted socket): reads its hello, welcomes or denies it, and
     * on welcome adds its devices to the room its share token names.
     */
    public void acceptAgent(ButtplugConnector connector) {
        // No frame counting here: the hub's own client bounds what an agent sends unasked, and an
        // agent's replies are bounded by the commands relayed to it (coalesced per feature).
        String address = AuthFailureLog.addressOf(connector);
        HandoverConnector.open(connector).thenCompose(h -> h.firstFrame()
                        .orTimeout(settings.helloTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .thenAccept(frame -> hello(h, frame, address)))
                .whenComplete((v, e) -> {
                    if (e != null) {
                        authFailures.refused(address, "no hello in time");
                        connector.close();
                    }
                });
    }

    private void hello(HandoverConnector link, String frame, String address) {
        Hello hello;
        try {
            hello = Hello.decode(frame);
        } catch (IllegalArgumentException e) {
            authFailures.refused(address, "bad hello");
            deny(link, e.getMessage());
            return;
        }
        if (hello.protocol() != Hello.PROTOCOL) {
            authFailures.refused(address, "bad hello");
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
            authFailures.refused(address, "unknown share token");
            deny(link, "unknown share token");
            return;
        }
        Room welcomed = room;
        String alias = hello.alias();
        Optional<String> linkId = room.reserveAgent(alias);
        if (linkId.isEmpty()) {
            String reason = room.refusal(alias);
            log.info("room {}: denied agent {} from {}: {}", room.name(), alias, address, reason);
            deny(link, reason);
            return;
        }
        log.info("agent {} joins room {}", alias, room.name());
        link.send(new HelloReply.Welcome(Hello.PROTOCOL, room.name()).encode())
                .thenRun(() -> welcomed.attachAgent(linkId.get(), alias, link))
                .exceptionally(e -> {
                    welcomed.releaseAgent(linkId.get());
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
        ScheduledFuture<?> flusher = authFlusher;
        if (flusher != null) {
            flusher.cancel(false);
        }
        authFailures.flush();
        rooms.forEach(Room::close);
        WebSocketServer s = socket;
        if (s != null) {
            s.close();
        }
    }

    /** Settings of a {@link RemoteServer}. Not thread-safe; {@link #build()} takes a snapshot. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private SSLContext tls;
        private java.nio.file.Path keystore;
        private char[] keystorePassword;
        private MessageLimits messageLimits = MessageLimits.DEFAULT;
        private int maxFrameSize = DEFAULT_MAX_FRAME_SIZE;
        private int maxPendingConnections = DEFAULT_MAX_PENDING_CONNECTIONS;
        private int maxPendingPerAddress = DEFAULT_MAX_PENDING_PER_ADDRESS;
        private Duration upgradeTimeout = DEFAULT_UPGRADE_TIMEOUT;
        private Duration firstFrameTimeout = DEFAULT_FIRST_FRAME_TIMEOUT;
        private long maxUnsentBytes = DEFAULT_MAX_UNSENT_BYTES;
        private int maxDevicesPerAgent = AgentCaps.DEFAULT.maxDevices();
        private int maxFeaturesPerDevice = AgentCaps.DEFAULT.maxFeatures();
        private int churnPerMinute = AgentCaps.DEFAULT.churnPerMinute();
        private int churnBurst = AgentCaps.DEFAULT.churnBurst();
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
            this.maxConnections = positive(count, "maxConnections");
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

        /**
         * What one link may make the hub hold and do, in messages (default
         * {@link MessageLimits#DEFAULT}): applied to controller sessions, and to what an agent
         * sends unasked (replies to the hub's own requests are never counted, so no agent is
         * closed for answering).
         */
        public Builder messageLimits(MessageLimits limits) {
            this.messageLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Largest WebSocket text frame accepted, in bytes (default {@link #DEFAULT_MAX_FRAME_SIZE},
         * 1 MiB); a larger one closes that link with 1009.
         *
         * @throws IllegalArgumentException when not positive
         */
        public Builder maxFrameSize(int bytes) {
            this.maxFrameSize = positive(bytes, "maxFrameSize");
            return this;
        }

        /**
         * Most connections accepted but not yet heard from (no text frame yet): {@code total} in
         * all (default {@link #DEFAULT_MAX_PENDING_CONNECTIONS}) and {@code perAddress} from one
         * remote address (default {@link #DEFAULT_MAX_PENDING_PER_ADDRESS}); over either, the
         * oldest pending one is closed. Silent sockets thus never lock real users out.
         *
         * @throws IllegalArgumentException when either is not positive, or {@code perAddress > total}
         */
        public Builder maxPendingConnections(int total, int perAddress) {
            positive(total, "total");
            positive(perAddress, "perAddress");
            if (perAddress > total) {
                throw new IllegalArgumentException("perAddress must not exceed total");
            }
            this.maxPendingConnections = total;
            this.maxPendingPerAddress = perAddress;
            return this;
        }

        /** How long a socket may take from accept to a finished WebSocket upgrade (default 5 s). */
        public Builder upgradeTimeout(Duration timeout) {
            this.upgradeTimeout = positive(timeout, "upgradeTimeout");
            return this;
        }

        /** How long an upgraded link may take to send its first text frame (default 10 s). */
        public Builder firstFrameTimeout(Duration timeout) {
            this.firstFrameTimeout = positive(timeout, "firstFrameTimeout");
            return this;
        }

        /**
         * Most bytes queued for a peer that does not read (default {@link #DEFAULT_MAX_UNSENT_BYTES},
         * 4 MiB); over it the link is closed with 1008.
         *
         * @throws IllegalArgumentException when not positive
         */
        public Builder maxUnsentBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxUnsentBytes must be positive");
            }
            this.maxUnsentBytes = bytes;
            return this;
        }

        /**
         * Most devices one agent link may share at once (default 64); one more and the hub aborts
         * that link with the reason (its devices leave; its agent stops its toys).
         *
         * @throws IllegalArgumentException when not positive
         */
        public Builder maxDevicesPerAgent(int count) {
            this.maxDevicesPerAgent = positive(count, "maxDevicesPerAgent");
            return this;
        }

        /**
         * Most features of one agent device (default 32); a device with more and the hub aborts
         * that agent's link with the reason.
         *
         * @throws IllegalArgumentException when not positive
         */
        public Builder maxFeaturesPerDevice(int count) {
            this.maxFeaturesPerDevice = positive(count, "maxFeaturesPerDevice");
            return this;
        }

        /**
         * How fast one agent link may add devices after its first device list (default 60 per
         * minute, bursts of 64); faster and the hub aborts that link with the reason.
         *
         * @throws IllegalArgumentException when either is not positive
         */
        public Builder deviceChurn(int perMinute, int burst) {
            this.churnPerMinute = positive(perMinute, "perMinute");
            this.churnBurst = positive(burst, "burst");
            return this;
        }

        /** How long an agent may take to send its hello (default 3 s). */
        public Builder helloTimeout(Duration timeout) {
            this.helloTimeout = positive(timeout, "the hello timeout");
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

        /**
         * The hub, with no rooms and no port open yet. It keeps a snapshot of these settings:
         * changing this builder later does not change it.
         */
        public RemoteServer build() {
            return new RemoteServer(new HubSettings(host, port, tls, keystore, keystorePassword, messageLimits,
                    maxFrameSize, maxConnections, maxPendingConnections, maxPendingPerAddress, upgradeTimeout,
                    firstFrameTimeout, maxUnsentBytes,
                    new AgentCaps(maxDevicesPerAgent, maxFeaturesPerDevice, churnPerMinute, churnBurst),
                    helloTimeout, controllerMaxPingTime, keepAlive));
        }

        private static int positive(int value, String what) {
            if (value < 1) {
                throw new IllegalArgumentException(what + " must be positive");
            }
            return value;
        }

        private static Duration positive(Duration value, String what) {
            Objects.requireNonNull(value, what);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(what + " must be positive");
            }
            return value;
        }
    }

    /** The settings this hub was built with (a snapshot; for tests). */
    HubSettings settings() {
        return settings;
    }
}
