package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.transport.ws.server.EventLoopAffinity;
import io.github.buttplugjava.transport.ws.server.EventLoopTimers;
import io.github.buttplugjava.core.connector.MessageLimits;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.transport.ws.KeepAlive;

import javax.net.ssl.SSLContext;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link RemoteServer}: the address, TLS, the limits of every link and of each
 * agent, and the timeouts. Obtained from {@link RemoteServer#builder()}. Not thread-safe;
 * {@link #build()} takes a snapshot, so changing the builder later changes no built hub.
 */
public final class RemoteServerBuilder {

    private String host = "127.0.0.1";
    private int port;
    private SSLContext tls;
    private java.nio.file.Path keystore;
    private char[] keystorePassword;
    private MessageLimits messageLimits = MessageLimits.DEFAULT;
    private int maxFrameSize = RemoteServer.DEFAULT_MAX_FRAME_SIZE;
    private int maxPendingConnections = RemoteServer.DEFAULT_MAX_PENDING_CONNECTIONS;
    private int maxPendingPerAddress = RemoteServer.DEFAULT_MAX_PENDING_PER_ADDRESS;
    private Duration upgradeTimeout = RemoteServer.DEFAULT_UPGRADE_TIMEOUT;
    private Duration firstFrameTimeout = RemoteServer.DEFAULT_FIRST_FRAME_TIMEOUT;
    private long maxUnsentBytes = RemoteServer.DEFAULT_MAX_UNSENT_BYTES;
    private int maxDevicesPerAgent = AgentCaps.DEFAULT.maxDevices();
    private int maxFeaturesPerDevice = AgentCaps.DEFAULT.maxFeatures();
    private int churnPerMinute = AgentCaps.DEFAULT.churnPerMinute();
    private int churnBurst = AgentCaps.DEFAULT.churnBurst();
    private Duration helloTimeout = Duration.ofSeconds(3);
    private Duration controllerMaxPingTime = Duration.ZERO;
    private KeepAlive keepAlive = RemoteServer.DEFAULT_KEEP_ALIVE;
    private Scheduling scheduling = Scheduling.defaults();
    private int maxConnections = RemoteServer.DEFAULT_MAX_CONNECTIONS;
    private int ioThreads = RemoteServer.DEFAULT_IO_THREADS;
    private String forwarderPath = RemoteServer.DEFAULT_FORWARDER_PATH;
    private DeviceGrant legacyGrant = RemoteServer.DEFAULT_LEGACY_GRANT;
    private boolean defaultLegacyGrant = true;
    private boolean passwordFirstControllers;
    private String nameSeparator = AliasedDevice.DEFAULT_SEPARATOR;
    private boolean metrics;
    private LinkRouter linkRouter;
    private OperatorStatus operatorStatus;

    RemoteServerBuilder() {
    }

    /**
     * Most links (agents and controllers together) open at once (default
     * {@link RemoteServer#DEFAULT_MAX_CONNECTIONS}); one more is closed at once with 1013 (try again later).
     * A hub for many idle agents raises it; each idle agent link costs about 24 KiB of heap
     * (docs/PERFORMANCE.md).
     *
     * @param count most links open at once
     * @return this builder
     * @throws IllegalArgumentException when not positive
     */
    public RemoteServerBuilder maxConnections(int count) {
        this.maxConnections = positive(count, "maxConnections");
        return this;
    }

    /**
     * Number of I/O threads serving the hub's sockets (default {@link RemoteServer#DEFAULT_IO_THREADS}:
     * half the processors, at least one). The library's own work never runs on them (they read,
     * write and hand off), so a few serve many thousands of links; more help only when the
     * sockets' reads and writes alone fill a core.
     *
     * @param count number of I/O threads, at least 1
     * @return this builder
     * @throws IllegalArgumentException when not positive
     */
    public RemoteServerBuilder ioThreads(int count) {
        this.ioThreads = positive(count, "ioThreads");
        return this;
    }

    /**
     * WebSocket keepalive of every link, controllers and agents alike (default
     * {@link RemoteServer#DEFAULT_KEEP_ALIVE}: ping every 1 s, close after 3 s of silence). A link that
     * stays silent (no pong, no frame) past {@code timeout} is closed as dead: a controller's
     * toys stop, an agent's devices leave the room. Unlike {@link #controllerMaxPingTime} this
     * needs nothing from the app: WebSocket libraries answer pings themselves.
     *
     * @param interval how often a link is pinged
     * @param timeout  how long a link may stay silent before it is closed
     * @return this builder
     * @throws IllegalArgumentException when {@code interval} is not positive or {@code timeout}
     *                                  is not longer than {@code interval}
     */
    public RemoteServerBuilder keepAlive(Duration interval, Duration timeout) {
        this.keepAlive = new KeepAlive(interval, timeout);
        return this;
    }

    /**
     * Turns the WebSocket keepalive off (then only closed sockets and Buttplug pings are noticed).
     *
     * @return this builder
     */
    public RemoteServerBuilder noKeepAlive() {
        this.keepAlive = null;
        return this;
    }

    /**
     * The address to bind (default 127.0.0.1; anything else should use TLS).
     *
     * @param host an address or host name
     * @return this builder
     */
    public RemoteServerBuilder host(String host) {
        this.host = Objects.requireNonNull(host, "host");
        return this;
    }

    /**
     * The port (default 0: an ephemeral one, see {@link RemoteServer#port()}).
     *
     * @param port 0..65535; 0 for an ephemeral one
     * @return this builder
     * @throws IllegalArgumentException when outside 0..65535
     */
    public RemoteServerBuilder port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be within 0..65535");
        }
        this.port = port;
        return this;
    }

    /**
     * Serve {@code wss://} with this TLS context.
     *
     * @param context the TLS context
     * @return this builder
     */
    public RemoteServerBuilder tls(SSLContext context) {
        this.tls = Objects.requireNonNull(context, "context");
        return this;
    }

    /**
     * Serve {@code wss://} with the key and certificate in a PKCS12 or JKS keystore file.
     *
     * @param keystore the keystore file
     * @param password its password (copied)
     * @return this builder
     */
    public RemoteServerBuilder tls(java.nio.file.Path keystore, char[] password) {
        this.keystore = Objects.requireNonNull(keystore, "keystore");
        this.keystorePassword = Objects.requireNonNull(password, "password").clone();
        return this;
    }

    /**
     * What one link may make the hub hold and do, in messages (default
     * {@link MessageLimits#DEFAULT}): applied to controller sessions, and to what an agent
     * sends unasked (replies to the hub's own requests are never counted, so no agent is
     * closed for answering).
     *
     * @param limits the message limits
     * @return this builder
     */
    public RemoteServerBuilder messageLimits(MessageLimits limits) {
        this.messageLimits = Objects.requireNonNull(limits, "limits");
        return this;
    }

    /**
     * Where the hub runs its rooms' sessions and agent links and how it keeps time: controller
     * ping-outs, agent reply deadlines and pings, hello deadlines, churn budgets, the summary of
     * failed authentications (default {@link Scheduling#defaults()}). The WebSocket transport
     * keeps its own timers. With the default executor, work that a link's frames start (its
     * controller session, its agent's client) runs on that link's I/O thread
     * ({@link EventLoopAffinity}) and on the default executor when started elsewhere (timers);
     * with the default scheduler, one-shot timers set on an I/O thread (reply deadlines) are armed
     * on its event loop ({@link EventLoopTimers}). An executor or scheduler of the caller's own
     * runs all of it.
     *
     * @param scheduling the executor, scheduler and clock to use
     * @return this builder
     */
    public RemoteServerBuilder scheduling(Scheduling scheduling) {
        this.scheduling = Objects.requireNonNull(scheduling, "scheduling");
        return this;
    }

    /**
     * Largest WebSocket text frame accepted, in bytes (default {@link RemoteServer#DEFAULT_MAX_FRAME_SIZE},
     * 1 MiB); a larger one closes that link with 1009.
     *
     * @param bytes largest text frame, in bytes
     * @return this builder
     * @throws IllegalArgumentException when not positive
     */
    public RemoteServerBuilder maxFrameSize(int bytes) {
        this.maxFrameSize = positive(bytes, "maxFrameSize");
        return this;
    }

    /**
     * Most connections accepted but not yet heard from (no text frame yet): {@code total} in
     * all (default {@link RemoteServer#DEFAULT_MAX_PENDING_CONNECTIONS}) and {@code perAddress} from one
     * remote address (default {@link RemoteServer#DEFAULT_MAX_PENDING_PER_ADDRESS}); over either, the
     * oldest pending one is closed. Silent sockets thus never lock real users out.
     *
     * @param total most pending connections in all
     * @param perAddress most pending connections from one address
     * @return this builder
     * @throws IllegalArgumentException when either is not positive, or {@code perAddress > total}
     */
    public RemoteServerBuilder maxPendingConnections(int total, int perAddress) {
        positive(total, "total");
        positive(perAddress, "perAddress");
        if (perAddress > total) {
            throw new IllegalArgumentException("perAddress must not exceed total");
        }
        this.maxPendingConnections = total;
        this.maxPendingPerAddress = perAddress;
        return this;
    }

    /**
     * How long a socket may take from accept to a finished WebSocket upgrade (default 5 s).
     *
     * @param timeout the deadline; positive
     * @return this builder
     * @throws IllegalArgumentException when not positive
     */
    public RemoteServerBuilder upgradeTimeout(Duration timeout) {
        this.upgradeTimeout = positive(timeout, "upgradeTimeout");
        return this;
    }

    /**
     * How long an upgraded link may take to send its first text frame (default 10 s).
     *
     * @param timeout the deadline; positive
     * @return this builder
     * @throws IllegalArgumentException when not positive
     */
    public RemoteServerBuilder firstFrameTimeout(Duration timeout) {
        this.firstFrameTimeout = positive(timeout, "firstFrameTimeout");
        return this;
    }

    /**
     * Most bytes queued for a peer that does not read (default {@link RemoteServer#DEFAULT_MAX_UNSENT_BYTES},
     * 4 MiB); over it the link is closed with 1008.
     *
     * @param bytes most bytes queued for one peer
     * @return this builder
     * @throws IllegalArgumentException when not positive
     */
    public RemoteServerBuilder maxUnsentBytes(long bytes) {
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
     * @param count most devices of one agent link
     * @return this builder
     * @throws IllegalArgumentException when not positive
     */
    public RemoteServerBuilder maxDevicesPerAgent(int count) {
        this.maxDevicesPerAgent = positive(count, "maxDevicesPerAgent");
        return this;
    }

    /**
     * Most features of one agent device (default 32); a device with more and the hub aborts
     * that agent's link with the reason.
     *
     * @param count most features of one agent device
     * @return this builder
     * @throws IllegalArgumentException when not positive
     */
    public RemoteServerBuilder maxFeaturesPerDevice(int count) {
        this.maxFeaturesPerDevice = positive(count, "maxFeaturesPerDevice");
        return this;
    }

    /**
     * How fast one agent link may add devices after its first device list (default 60 per
     * minute, bursts of 64); faster and the hub aborts that link with the reason.
     *
     * @param perMinute devices that may be added per minute
     * @param burst devices that may be added at once above that rate
     * @return this builder
     * @throws IllegalArgumentException when either is not positive
     */
    public RemoteServerBuilder deviceChurn(int perMinute, int burst) {
        this.churnPerMinute = positive(perMinute, "perMinute");
        this.churnBurst = positive(burst, "burst");
        return this;
    }

    /**
     * How long an agent may take to send its hello (default 3 s).
     *
     * @param timeout the deadline; positive
     * @return this builder
     * @throws IllegalArgumentException when not positive
     */
    public RemoteServerBuilder helloTimeout(Duration timeout) {
        this.helloTimeout = positive(timeout, "the hello timeout");
        return this;
    }

    /**
     * MaxPingTime of controller sessions: a controller that stops pinging is dropped and the
     * outputs whose current value it set stop (what other controllers set keeps running). Default zero (no ping required), because the npm
     * {@code buttplug} clients that many apps are built on never ping and would be dropped;
     * set it (e.g. 2 s) when the controllers are known to ping, to catch a frozen controller
     * whose socket stays open.
     *
     * @param maxPingTime the MaxPingTime; zero for none
     * @return this builder
     */
    public RemoteServerBuilder controllerMaxPingTime(Duration maxPingTime) {
        this.controllerMaxPingTime = Objects.requireNonNull(maxPingTime, "maxPingTime");
        return this;
    }

    /**
     * Where buttplug-js 0.13 forwarders dial (default {@value RemoteServer#DEFAULT_FORWARDER_PATH}):
     * at {@code <path>} a forwarder sends a room's share token as its first frame and is answered
     * {@code ok} (as the 0.13 sample app does); at {@code <path>/<share token>} it sends nothing
     * first. A 0.13 forwarder enforces nothing, so its devices are held to the
     * {@link #legacyGrant legacy grant} at the hub.
     *
     * @param path a path starting with {@code /}, other than {@code /}, {@value RemoteServer#SHARE_PATH}
     *             and {@value RemoteServer#CONTROL_PREFIX}...
     * @return this builder
     * @throws IllegalArgumentException when the path is not usable
     */
    public RemoteServerBuilder legacyForwarderPath(String path) {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/") || path.length() < 2 || path.endsWith("/") || path.equals(RemoteServer.SHARE_PATH)
                || (path + "/").startsWith(RemoteServer.CONTROL_PREFIX)) {
            throw new IllegalArgumentException("the forwarder path must start with /, not end with /, and differ from "
                    + RemoteServer.SHARE_PATH + " and " + RemoteServer.CONTROL_PREFIX);
        }
        this.forwarderPath = path;
        return this;
    }

    /**
     * Takes no buttplug-js 0.13 forwarders (their path answers like any unknown path).
     *
     * @return this builder
     */
    public RemoteServerBuilder noLegacyForwarders() {
        this.forwarderPath = null;
        return this;
    }

    /**
     * What the devices of a buttplug-js 0.13 forwarder may do, enforced by the hub for every room
     * (a forwarder enforces nothing itself): output types, their maximum levels and minimum
     * intervals. Its expiry and pause hold as for an agent's grant; inputs are never forwarded.
     * The default, {@link RemoteServer#DEFAULT_LEGACY_GRANT}, is deliberately small, and the hub
     * logs a warning when it starts with it.
     *
     * @param grant the grant of every 0.13 forwarder's devices
     * @return this builder
     */
    public RemoteServerBuilder legacyGrant(DeviceGrant grant) {
        this.legacyGrant = Objects.requireNonNull(grant, "grant");
        this.defaultLegacyGrant = false;
        return this;
    }

    /**
     * Whether {@code /} takes controllers in the way of the buttplug-js 0.13 sample app (default
     * off): their first frame is a room's control token in plain text, answered {@code ok}, and
     * the link is then served as that room's controller.
     *
     * @param enabled true to take them
     * @return this builder
     */
    public RemoteServerBuilder passwordFirstControllers(boolean enabled) {
        this.passwordFirstControllers = enabled;
        return this;
    }

    /**
     * What stands between an agent's alias and its device's name in the names controllers see
     * (default {@code " - "}, the buttplug-js 0.13 form, so scripts that split names keep working).
     *
     * @param separator one to eight characters, no control characters
     * @return this builder
     * @throws IllegalArgumentException when empty, longer than 8 characters or holding control characters
     */
    public RemoteServerBuilder deviceNameSeparator(String separator) {
        Objects.requireNonNull(separator, "separator");
        if (separator.isEmpty() || separator.length() > 8 || separator.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("the name separator must be 1 to 8 characters, no control characters");
        }
        this.nameSeparator = separator;
        return this;
    }

    /**
     * Whether the hub serves its operator endpoints on its port (default off): {@code GET /healthz}
     * ({@code ok} while it serves) and {@code GET /metrics} (Prometheus text format: rooms, agents,
     * controllers, devices, commands relayed and refused, relay latency histogram, link closes by
     * reason). They never show a token, room name or alias, but anyone who can reach the port can
     * read them. Needs {@code io.micrometer:micrometer-registry-prometheus} on the class path (an
     * optional dependency of this artifact).
     *
     * @param enabled true to serve them
     * @return this builder
     */
    public RemoteServerBuilder metrics(boolean enabled) {
        this.metrics = enabled;
        return this;
    }

    /**
     * A router that sees every upgraded link before the hub's own paths (default none): a hub
     * cluster uses it to take links whose room runs on another node. See {@link LinkRouter}.
     *
     * @param router the router
     * @return this builder
     */
    public RemoteServerBuilder linkRouter(LinkRouter router) {
        this.linkRouter = Objects.requireNonNull(router, "router");
        return this;
    }

    /**
     * More for {@code /healthz} and {@code /metrics} (with {@link #metrics} on; default none): a
     * hub cluster node adds its NATS state, owned rooms and bridged links. See {@link OperatorStatus}.
     *
     * @param status what to add
     * @return this builder
     */
    public RemoteServerBuilder operatorStatus(OperatorStatus status) {
        this.operatorStatus = Objects.requireNonNull(status, "status");
        return this;
    }

    /**
     * The hub, with no rooms and no port open yet. It keeps a snapshot of these settings:
     * changing this builder later does not change it.
     *
     * @return the hub
     */
    public RemoteServer build() {
        return new RemoteServer(new HubSettings(host, port, tls, keystore, keystorePassword, messageLimits,
                maxFrameSize, maxConnections, ioThreads, maxPendingConnections, maxPendingPerAddress, upgradeTimeout,
                firstFrameTimeout, maxUnsentBytes,
                new AgentCaps(maxDevicesPerAgent, maxFeaturesPerDevice, churnPerMinute, churnBurst),
                helloTimeout, controllerMaxPingTime, keepAlive,
                new LegacySettings(forwarderPath, legacyGrant, defaultLegacyGrant, passwordFirstControllers,
                        nameSeparator), effectiveScheduling(), metrics), linkRouter, operatorStatus);
    }

    /**
     * The default executor and scheduler keep a link's work and its one-shot timers on its I/O
     * thread; a caller's own executor or scheduler is used as is.
     */
    private Scheduling effectiveScheduling() {
        Scheduling defaults = Scheduling.defaults();
        Scheduling s = scheduling;
        if (s.executor() == defaults.executor()) {
            s = s.withExecutor(EventLoopAffinity.preferring(s.executor()));
        }
        if (s.scheduler() == defaults.scheduler()) {
            s = s.withScheduler(EventLoopTimers.preferring(s.scheduler()));
        }
        return s;
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
