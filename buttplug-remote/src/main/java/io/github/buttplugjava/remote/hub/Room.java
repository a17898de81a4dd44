package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.InProcessConnector;
import io.github.buttplugjava.core.connector.MessageLimits;
import io.github.buttplugjava.core.message.DeviceList;
import io.github.buttplugjava.core.server.ButtplugServer;
import io.github.buttplugjava.core.server.DeviceManager;
import io.github.buttplugjava.core.server.ServerSession;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.link.AccessToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One room of a hub: the devices every agent with the room's share token shares, and at most one
 * controller driving them.
 *
 * <p>The controller face is an ordinary Buttplug server session (spec v0..v4) over the room's
 * device manager: controllers see each device named "{@code <alias> - <device>}" (the separator is
 * the hub's {@link RemoteServerBuilder#deviceNameSeparator}) with a hub index
 * that is never reused while the room lives. When the controller disconnects, crashes or pings out,
 * its session stops every output it drove; the devices stay shared. When an agent's link drops,
 * its devices leave at once and commands waiting on them fail.
 *
 * <p>Devices of buttplug-js 0.13 forwarders join like an agent's, held at the hub to the room's
 * {@linkplain #legacyGrant() legacy grant}, since a 0.13 forwarder enforces nothing.
 *
 * <p>Thread-safe.
 */
public final class Room implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Room.class);

    private final String name;
    private final AccessToken shareToken;
    private final AccessToken controlToken;
    private final RoomSource source;
    private final DeviceManager devices;
    private final ButtplugServer server;
    private final AtomicLong links = new AtomicLong();
    private final AgentCaps caps;
    private final MessageLimits limits;
    private volatile DeviceGrant legacyGrant;
    private ServerSession controller;
    private ButtplugConnector controllerLink;
    private boolean closed;
    private final HubMeter meter;

    Room(String name, AccessToken shareToken, AccessToken controlToken, Duration controllerMaxPingTime,
         AgentCaps caps, MessageLimits limits, LegacySettings legacy) {
        this(name, shareToken, controlToken, controllerMaxPingTime, caps, limits, legacy, HubMeter.NONE);
    }

    Room(String name, AccessToken shareToken, AccessToken controlToken, Duration controllerMaxPingTime,
         AgentCaps caps, MessageLimits limits, LegacySettings legacy, HubMeter meter) {
        this.meter = meter;
        this.name = Objects.requireNonNull(name, "name");
        this.shareToken = Objects.requireNonNull(shareToken, "shareToken");
        this.controlToken = Objects.requireNonNull(controlToken, "controlToken");
        this.caps = caps;
        this.limits = limits;
        this.legacyGrant = legacy.forwarderGrant();
        this.source = new RoomSource(name, caps, System::nanoTime, legacy.nameSeparator(), meter);
        this.devices = new DeviceManager(List.of(source));
        // relayed commands wait for the agent's reply (3 s) at most; a little more here, so the
        // agent's own answer (or its timeout) is what the controller sees
        this.server = ButtplugServer.builder(devices).name("buttplug-java hub (" + name + ")")
                .maxPingTime(controllerMaxPingTime).limits(limits)
                .commandTimeout(AgentLink.AGENT_REPLY_TIMEOUT.plusSeconds(1)).build();
    }

    /**
     * The room's name.
     *
     * @return the room's name
     */
    public String name() {
        return name;
    }

    /**
     * The token agents present to share into this room.
     *
     * @return the token agents present to share into this room
     */
    public AccessToken shareToken() {
        return shareToken;
    }

    /**
     * The token a controller presents (as the last segment of its URL).
     *
     * @return the token a controller presents (as the last segment of its URL)
     */
    public AccessToken controlToken() {
        return controlToken;
    }

    /**
     * The aliases of the agents sharing now.
     *
     * @return the aliases of the agents sharing now
     */
    public List<String> agents() {
        return source.aliases();
    }

    /**
     * The devices a controller sees now, as a v4 device list (Id 0).
     *
     * @return the devices a controller sees now, as a v4 device list (Id 0)
     */
    public DeviceList devices() {
        return devices.deviceList(0);
    }

    /**
     * Whether a controller is connected.
     *
     * @return whether a controller is connected
     */
    public synchronized boolean hasController() {
        return controller != null && controller.isOpen() && controllerLink.isConnected();
    }

    /**
     * Serves a controller over {@code connector} (already authenticated by the caller). When the
     * room already has one, the newcomer's first request is answered with a spec Error (ERROR_INIT)
     * and its connector is closed.
     *
     * @param connector the controller's link, already authenticated
     * @return whether the controller was taken
     */
    public boolean acceptController(ButtplugConnector connector) {
        synchronized (this) {
            if (!closed && !hasController()) {
                ServerSession session = server.serve(connector);
                controller = session;
                controllerLink = connector;
                log.info("room {}: a controller connected", name);
                session.closeFuture().whenComplete((v, e) -> {
                    meter.linkClosed("controller", e == null ? "ended" : "error");
                    controllerLeft(session);
                });
                return true;
            }
        }
        log.info("room {}: refused a second controller", name);
        ControllerRefusal.refuse(connector, closed ? "this room is closed"
                : "this room already has a controller; only one at a time");
        return false;
    }

    private synchronized void controllerLeft(ServerSession session) {
        if (controller == session) {
            controller = null;
            log.info("room {}: the controller left; what it drove was stopped", name);
        }
    }

    /**
     * An in-process controller for this room, without a socket (for apps and bots that run the
     * hub themselves). It takes the room's one controller place until it disconnects.
     *
     * @param clientName the name the controller announces
     * @return completes when connected; fails with
     *         {@link io.github.buttplugjava.core.ButtplugHandshakeException} when the room already
     *         has a controller
     */
    public CompletableFuture<ButtplugClient> connectController(String clientName) {
        InProcessConnector.Pair pair = InProcessConnector.pair();
        ButtplugClient client = ButtplugClient.builder(clientName).build();
        acceptController(pair.server());
        return client.connect(pair.client()).thenApply(v -> client);
    }

    /**
     * Reserves a place for an agent whose hello carried {@code alias}.
     *
     * @return the new link's id, or empty when the room is closed or a live agent's alias is the
     *         same or {@linkplain AliasSkeleton looks like it}
     */
    synchronized Optional<String> reserveAgent(String alias) {
        if (closed) {
            return Optional.empty();
        }
        String linkId = "agent-" + links.incrementAndGet();
        return source.reserve(linkId, alias) ? Optional.of(linkId) : Optional.empty();
    }

    /** Why {@link #reserveAgent} refused {@code alias}, in words for the agent. */
    synchronized String refusal(String alias) {
        return closed ? "this room is closed"
                : "the alias \"" + alias + "\" is taken in this room (or looks like one that is)";
    }

    /** Starts the agent reserved as {@code linkId}; its devices join the room until its link ends. */
    void attachAgent(String linkId, String alias, ButtplugConnector link) {
        new AgentLink(linkId, alias, link, source, caps, limits).start();
    }

    /**
     * What the devices of buttplug-js 0.13 forwarders may do in this room, enforced at the hub.
     *
     * @return the grant forwarders that join from now on are held to
     */
    public DeviceGrant legacyGrant() {
        return legacyGrant;
    }

    /**
     * Changes the {@linkplain #legacyGrant() legacy grant} for forwarders that join from now on
     * (forwarders already in the room keep the grant they joined under until they reconnect).
     *
     * @param grant the new grant
     */
    public void legacyGrant(DeviceGrant grant) {
        this.legacyGrant = Objects.requireNonNull(grant, "grant");
    }

    /**
     * Starts the 0.13 forwarder reserved as {@code linkId}; {@code firstFrame} is its first device,
     * already read.
     */
    void attachForwarder(String linkId, String alias, ButtplugConnector link, String firstFrame) {
        ForwarderConnector forwarder = new ForwarderConnector(link, firstFrame, AgentLink.AGENT_REPLY_TIMEOUT,
                io.github.buttplugjava.core.codec.ServerCodec.DEFAULT_MAX_FRAME_CHARS, caps.maxDevices());
        new ForwarderLink(linkId, alias, forwarder, source, caps, limits, legacyGrant).start();
    }

    /** Frees a reservation whose agent never started (its welcome could not be sent). */
    void releaseAgent(String linkId) {
        source.detach(linkId);
    }

    /** Disconnects the controller and every agent. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        server.close();
        source.close();
        devices.close();
    }
}
