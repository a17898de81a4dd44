package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.MessageLimits;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.OutputGrant;
import io.github.buttplugjava.remote.link.AccessToken;
import io.github.buttplugjava.transport.ws.KeepAlive;
import io.github.buttplugjava.transport.ws.server.Admission;
import io.github.buttplugjava.transport.ws.server.HttpPages;
import io.github.buttplugjava.transport.ws.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The hub: rooms where many agents share devices and controllers drive them.
 *
 * <p>Two faces, on one WebSocket port:
 * <ul>
 *   <li>{@code /share}: agents dial in; the first frame must be a hello with a room's share token
 *       within {@link RemoteServerBuilder#helloTimeout} (default 3 s), else the link is closed. The hub answers
 *       welcome or denied, then runs a Buttplug client over the link and adds the agent's devices
 *       to the room.</li>
 *   <li>{@code /control/<control token>}: an ordinary Buttplug server (spec v0..v4) over the
 *       room, so any Buttplug app is a controller. A room may have several controllers, each with
 *       its own token ({@link Room#addController}); each token drives from one connection at a time.
 *       The same URL opened in a browser (a plain GET, {@link #controlPageUri}) serves the control
 *       page, a small Buttplug client from this jar that connects back to it.</li>
 * </ul>
 *
 * <p>Tokens are compared in constant time and never logged, whatever path a client typed; failed
 * authentications are summarized per remote address, one line a minute. Every link is bounded
 * as docs/LIMITS.md describes: frame size and unsent bytes at the transport, messages by
 * {@link MessageLimits}, and each agent by its caps (devices, features per device, device churn);
 * relayed commands are coalesced per feature so an agent's replies stay bounded by what it was
 * sent and no agent is closed for answering. Links are kept alive with WebSocket pings
 * ({@link RemoteServerBuilder#keepAlive}; a link silent for 3 s is closed by default). The hub binds
 * 127.0.0.1 unless told otherwise; serve anything reachable from other machines over TLS
 * ({@link RemoteServerBuilder#tls(SSLContext)}).
 *
 * <p>The settings are taken from the builder by {@link RemoteServerBuilder#build()}: changing the builder
 * afterwards does not change a built hub.
 *
 * <p>Embeddable: without {@link #start()} no port is opened, and an app can still
 * {@link #acceptAgent accept agent links} over any connector and {@linkplain Room#connectController
 * drive a room in-process}. Thread-safe.
 *
 * <p>This class runs the hub's life (port, rooms, closing); the jobs behind it are the
 * {@link RemoteServerBuilder} (settings), a room registry (rooms by name and token), a path router
 * ({@code /share} or {@code /control/<token>}) and the agent admission (hello, token, alias).
 */
public final class RemoteServer implements AutoCloseable {

    /** Path buttplug-js 0.13 forwarders dial unless told otherwise. */
    public static final String DEFAULT_FORWARDER_PATH = "/forwarder";

    /**
     * What a buttplug-js 0.13 forwarder's devices may do unless the hub is told otherwise: vibrate
     * only, at most half strength, at most one command per 100 ms. Small on purpose: a 0.13
     * forwarder enforces nothing, and its owner set no limits the hub could know of.
     */
    public static final DeviceGrant DEFAULT_LEGACY_GRANT = DeviceGrant.none()
            .withOutput(OutputType.VIBRATE, OutputGrant.upTo(0.5).withMinInterval(Duration.ofMillis(100)));

    /** Path of buttplug-js 0.13 sample-app controllers, when {@link RemoteServerBuilder#passwordFirstControllers} is on. */
    public static final String PASSWORD_FIRST_PATH = "/";

    /** Path agents dial. */
    public static final String SHARE_PATH = "/share";

    /** Path prefix of controllers; the control token follows. */
    public static final String CONTROL_PREFIX = "/control/";

    /** Default most links (agents and controllers) open at once: {@value}. */
    public static final int DEFAULT_MAX_CONNECTIONS = 16_384;

    /**
     * Default number of I/O threads serving the hub's sockets: half the processors, at least one.
     * The hub relays frames between sockets; a frame read on one I/O thread and written to a
     * socket of another wakes that thread, and on a 2-core machine one I/O thread cost about
     * 16% less CPU per relayed command than two (docs/PERFORMANCE.md).
     */
    public static final int DEFAULT_IO_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);

    /**
     * WebSocket keepalive of every link by default: a ping each second, and a link silent for 3 s
     * is closed. A frozen controller is thus caught within about 4 s (3 s of silence plus up to one
     * interval), and its toys stop; browsers, the npm {@code ws} package and the JDK client answer pings by
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
    private final RoomRegistry rooms = new RoomRegistry();
    private final AuthFailureLog authFailures;
    private final AgentAdmission agents;
    private final ForwarderAdmission forwarders;
    private final PasswordFirstAdmission passwordFirst;
    private final PathRouter router;
    private final HubMeter meter;
    private volatile WebSocketServer socket;
    private volatile ScheduledFuture<?> authFlusher;
    /** One heartbeat for every agent link that agreed to it. */
    private final Heartbeats heartbeats;

    private final LinkRouter linkRouter;
    private final OperatorStatus operatorStatus;

    RemoteServer(HubSettings settings) {
        this(settings, null, null);
    }

    RemoteServer(HubSettings settings, LinkRouter linkRouter, OperatorStatus operatorStatus) {
        this.settings = settings;
        this.linkRouter = linkRouter;
        this.operatorStatus = operatorStatus;
        this.authFailures = new AuthFailureLog(AUTH_LOG_INTERVAL.toNanos(), settings.scheduling()::nanoTime, log::info);
        this.heartbeats = new Heartbeats(settings.scheduling());
        this.agents = new AgentAdmission(rooms, authFailures, settings.helloTimeout(), settings.scheduling(), heartbeats);
        this.forwarders = new ForwarderAdmission(rooms, authFailures, settings.helloTimeout(), settings.scheduling());
        this.passwordFirst = new PasswordFirstAdmission(rooms, authFailures, settings.helloTimeout(), settings.scheduling());
        this.router = new PathRouter(rooms, agents, authFailures, forwarders, passwordFirst, settings.legacy());
        this.meter = settings.metrics() ? prometheus(rooms) : HubMeter.NONE;
    }

    private static HubMeter prometheus(RoomRegistry rooms) {
        try {
            return new PrometheusHubMeter(rooms);
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException("metrics need io.micrometer:micrometer-registry-prometheus on the class"
                    + " path (an optional dependency of buttplug-remote)", e);
        }
    }

    /**
     * A builder: 127.0.0.1, an ephemeral port, no rooms.
     *
     * @return a new builder with the defaults
     */
    public static RemoteServerBuilder builder() {
        return new RemoteServerBuilder();
    }

    /**
     * Adds a room.
     *
     * @param name         the room's name, unique in this hub
     * @param shareToken   the token agents present to share into the room
     * @param controlToken the token the room's controller presents
     * @return the room
     * @throws IllegalArgumentException when a room has this name, or one of the tokens is
     *                                  already a token of another room, or the two tokens are equal
     */
    public Room addRoom(String name, AccessToken shareToken, AccessToken controlToken) {
        return rooms.add(name, shareToken, controlToken, () -> new Room(name, shareToken, controlToken,
                settings.controllerMaxPingTime(), settings.agentCaps(), settings.messageLimits(), settings.legacy(),
                settings.scheduling(), rooms, meter));
    }

    /**
     * Adds a room whose first controller has a name and a ceiling of its own (the room owner's
     * full form; {@link #addRoom(String, AccessToken, AccessToken)} names it
     * {@value Room#FIRST_CONTROLLER}, with no ceiling).
     *
     * @param name           the room's name, unique in this hub
     * @param shareToken     the token agents present to share into the room
     * @param controllerName the first controller's display name: 1 to 64 characters, no control characters
     * @param controlToken   the token the first controller presents
     * @param ceiling        what the first controller may do, on top of each sharer's grant
     * @return the room
     * @throws IllegalArgumentException as {@link #addRoom(String, AccessToken, AccessToken)}, or
     *                                  when the controller's name is unusable
     */
    public Room addRoom(String name, AccessToken shareToken, String controllerName, AccessToken controlToken,
                        ControllerCeiling ceiling) {
        return rooms.add(name, shareToken, controlToken, () -> new Room(name, shareToken, controllerName, controlToken,
                ceiling, settings.controllerMaxPingTime(), settings.agentCaps(), settings.messageLimits(),
                settings.legacy(), settings.scheduling(), rooms, meter));
    }

    /**
     * Adds a room with fresh random tokens.
     *
     * @param name the room's name, unique in this hub
     * @return the room
     * @throws IllegalArgumentException when a room has this name
     */
    public Room addRoom(String name) {
        return addRoom(name, AccessToken.generate(), AccessToken.generate());
    }

    /**
     * The room with this name, if any.
     *
     * @param name a room's name
     * @return the room, or empty
     */
    public Optional<Room> room(String name) {
        return rooms.named(name);
    }

    /**
     * Closes the room named {@code name} (its controllers and agents are disconnected; agents stop
     * their toys) and forgets it, so its name and tokens are free again. A hub cluster uses it
     * when this node stops owning the room.
     *
     * @param name a room's name
     * @return whether a room of that name was there
     */
    public boolean removeRoom(String name) {
        Optional<Room> removed = rooms.remove(name);
        removed.ifPresent(Room::close);
        return removed.isPresent();
    }

    /**
     * Every room.
     *
     * @return a snapshot of the rooms, in the order they were added
     */
    public List<Room> rooms() {
        return rooms.all();
    }

    /**
     * Opens the WebSocket port.
     *
     * @return this hub
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
                .ioThreads(settings.ioThreads())
                .handler(this::route)
                .pages(pages());
        if (settings.tls() != null) {
            b.tls(settings.tls());
        } else if (settings.keystore() != null) {
            b.tls(settings.keystore(), settings.keystorePassword());
        }
        socket = b.start();
        long every = AUTH_LOG_INTERVAL.toMillis() / 4;
        Executor executor = settings.scheduling().executor();
        authFlusher = settings.scheduling().scheduler().scheduleAtFixedRate(() -> executor.execute(authFailures::flush),
                every, every, TimeUnit.MILLISECONDS);
        heartbeats.start();
        log.info("hub listening on {}", socket.uri());
        LegacySettings legacy = settings.legacy();
        if (legacy.forwarderPath() != null && legacy.defaultGrant()) {
            log.warn("buttplug-js 0.13 forwarders are taken at {} and enforce no limits themselves: the hub holds"
                    + " their devices to the default legacy grant (vibrate only, at most 50%, one command per"
                    + " 100 ms); set a legacy grant to change it, or turn forwarders off", legacy.forwarderPath());
        }
        return this;
    }

    private Admission route(String path, ButtplugConnector connector) {
        if (linkRouter != null) {
            Optional<Admission> taken = linkRouter.route(path, connector);
            if (taken.isPresent()) {
                return taken.get();
            }
        }
        return router.route(path, connector);
    }

    private boolean knowsControlToken(String token) {
        if (linkRouter != null) {
            Optional<Boolean> known = linkRouter.knowsControlToken(token);
            if (known.isPresent()) {
                return known.get();
            }
        }
        return rooms.withControlToken(token).isPresent();
    }

    private HttpPages pages() {
        HttpPages control = new ControlPages(this::knowsControlToken, authFailures);
        return settings.metrics() ? new OperatorPages(meter, control, operatorStatus) : control;
    }

    /**
     * The port, once started.
     *
     * @return the bound port
     * @throws IllegalStateException when not started
     */
    public int port() {
        return requireSocket().port();
    }

    /**
     * TCP connections open now (agents, controllers and sockets not yet heard from).
     *
     * @return the count; 0 before start
     */
    public int openConnections() {
        WebSocketServer s = socket;
        return s == null ? 0 : s.openConnections();
    }

    /**
     * Connections accepted that have not sent a first message yet.
     *
     * @return the count; 0 before start
     */
    public int pendingConnections() {
        WebSocketServer s = socket;
        return s == null ? 0 : s.pendingConnections();
    }

    /** How many agent links get the hub's heartbeat now (for tests in this package). */
    int heartbeatLinks() {
        return heartbeats.size();
    }

    /**
     * The URL agents dial.
     *
     * @return {@code ws://host:port/share}, or {@code wss://…}
     * @throws IllegalStateException when not started
     */
    public URI shareUri() {
        return base().resolve(SHARE_PATH);
    }

    /**
     * The control page of {@code room}, to open in a browser: the control URL over HTTP. It holds the
     * control token, so treat it as a secret.
     *
     * @param room a room of this hub
     * @return {@code http://host:port/control/<token>}, or {@code https://…}
     * @throws IllegalStateException when not started
     */
    public URI controlPageUri(Room room) {
        return pageOf(controlUri(room));
    }

    /**
     * The control page of {@code controller}: its control URL with {@code http(s)} for a browser.
     * It holds the control token, so treat it as a secret.
     *
     * @param controller a controller of a room of this hub
     * @return {@code http://host:port/control/<token>}, or {@code https://…}
     * @throws IllegalStateException when not started
     */
    public URI controlPageUri(RoomController controller) {
        return pageOf(controlUri(controller));
    }

    private URI pageOf(URI ws) {
        return URI.create((settings.secure() ? "https" : "http") + ws.toString().substring(ws.getScheme().length()));
    }

    /**
     * The URL a controller of {@code room} uses; it holds the control token, so treat it as a secret.
     *
     * @param room a room of this hub
     * @return {@code ws://host:port/control/<token>}, or {@code wss://…}
     * @throws IllegalStateException when not started
     */
    public URI controlUri(Room room) {
        return base().resolve(CONTROL_PREFIX + room.controlToken().reveal());
    }

    /**
     * The URL {@code controller} uses; it holds its control token, so treat it as a secret.
     *
     * @param controller a controller of a room of this hub
     * @return {@code ws://host:port/control/<token>}, or {@code wss://…}
     */
    public URI controlUri(RoomController controller) {
        return base().resolve(CONTROL_PREFIX + controller.controlToken().reveal());
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

    /**
     * Takes a controller link that presented {@code token}.
     *
     * @param token     the control token the controller presented
     * @param connector the controller's link, not yet connected
     * @return false, without touching the connector, when no room has that control token
     */
    public boolean acceptController(String token, ButtplugConnector connector) {
        return router.acceptController(token, connector);
    }

    /**
     * Takes a buttplug-js 0.13 forwarder link that already proved it knows {@code shareToken}
     * (a hub cluster's owner node hands it links its entry node authenticated): its next frame
     * must be its first {@code DeviceAdded}, which names its alias; its devices then join the
     * room under the room's {@linkplain Room#legacyGrant() legacy grant}, as at the forwarder path.
     *
     * @param shareToken the share token of the room the forwarder joins
     * @param connector  the forwarder's link, not yet connected
     * @return false, without touching the connector, when no room has that share token
     */
    public boolean acceptForwarder(String shareToken, ButtplugConnector connector) {
        return forwarders.acceptWithToken(shareToken, connector);
    }

    /**
     * Counts a failed authentication in the hub's summary of failures (one log line per remote
     * address a minute, never with the token), for a router that refuses links itself (a hub
     * cluster's entry node).
     *
     * @param connector the refused link
     * @param reason    why, e.g. {@code "unknown share token"}; never a token
     */
    public void authenticationFailed(ButtplugConnector connector, String reason) {
        authFailures.refused(AuthFailureLog.addressOf(connector), reason);
    }

    /**
     * Where buttplug-js 0.13 forwarders dial this hub ({@link RemoteServerBuilder#legacyForwarderPath}).
     *
     * @return the path, or empty when the hub takes no forwarders
     */
    public Optional<String> legacyForwarderPath() {
        return Optional.ofNullable(settings.legacy().forwarderPath());
    }

    /**
     * Whether {@code /} takes buttplug-js 0.13 sample-app controllers (control token as the first
     * frame, answered {@code ok}; {@link RemoteServerBuilder#passwordFirstControllers}).
     *
     * @return true when it does
     */
    public boolean takesPasswordFirstControllers() {
        return settings.legacy().passwordFirstControllers();
    }

    /**
     * Takes an agent link (e.g. an accepted socket): reads its hello, welcomes or denies it, and
     * on welcome adds its devices to the room its share token names.
     *
     * @param connector the agent's link, not yet connected
     */
    public void acceptAgent(ButtplugConnector connector) {
        agents.accept(connector);
    }

    /** Closes every room (controllers and agents are disconnected; agents stop their toys) and the port. */
    @Override
    public void close() {
        ScheduledFuture<?> flusher = authFlusher;
        if (flusher != null) {
            flusher.cancel(false);
        }
        heartbeats.close();
        authFailures.flush();
        rooms.closeAll();
        WebSocketServer s = socket;
        if (s != null) {
            s.close();
        }
    }

    /** The settings this hub was built with (a snapshot; for tests). */
    HubSettings settings() {
        return settings;
    }
}
