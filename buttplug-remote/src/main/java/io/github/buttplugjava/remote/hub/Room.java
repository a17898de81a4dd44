package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.InProcessConnector;
import io.github.buttplugjava.core.connector.MessageLimits;
import io.github.buttplugjava.core.message.DeviceList;
import io.github.buttplugjava.core.server.ButtplugServer;
import io.github.buttplugjava.core.server.ServerSession;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.link.AccessToken;
import io.github.buttplugjava.remote.link.ResumeKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One room of a hub: the devices every agent with the room's share token shares, and the
 * {@linkplain RoomController controllers} driving them, each with its own control token, name and
 * {@linkplain ControllerCeiling ceiling}. A room starts with one controller (named
 * {@value #FIRST_CONTROLLER}, no ceiling); {@link #addController} adds more, up to
 * {@value #MAX_CONTROLLERS}. Who may drive a device when several want to is the room's
 * {@linkplain #arbitration(ArbitrationPolicy) arbitration policy} (default
 * {@linkplain ArbitrationPolicy#shared() shared}: the latest command wins per output).
 *
 * <p>The controller face is an ordinary Buttplug server session (spec v0..v4): controllers see each
 * device named "{@code <alias> - <device>}" (the separator is the hub's
 * {@link RemoteServerBuilder#deviceNameSeparator}) with an index that is never reused while the
 * room lives. When a controller disconnects, crashes or pings out, exactly the outputs whose
 * current value it set stop; what another controller set keeps running; the devices stay shared.
 * When an agent's link drops, its devices leave at once and commands waiting on them fail. An
 * agent that dials again while the room still holds its old link (the hub has not yet seen it
 * end) is let in when its hello shows the same {@linkplain ResumeKey resume key}: the old link is
 * closed first; anyone else saying hello with a live agent's alias is refused.
 *
 * <p>Devices of buttplug-js 0.13 forwarders join like an agent's, held at the hub to the room's
 * {@linkplain #legacyGrant() legacy grant}, since a 0.13 forwarder enforces nothing.
 *
 * <p>Thread-safe.
 */
public final class Room implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Room.class);

    /** Most controllers of one room: {@value}. */
    public static final int MAX_CONTROLLERS = 64;

    /** Most invited sharers of one room: {@value}. */
    public static final int MAX_INVITES = 256;

    /** The name of the controller a room starts with: {@value}. */
    public static final String FIRST_CONTROLLER = "controller";

    private final String name;
    private final AccessToken shareToken;
    private final RoomSource source;
    private final RoomRegistry registry;
    private final DeviceFanOut fanOut;
    private final RoomArbiter arbiter;
    private final RoomPresence presence;
    private final RoomInputs inputs = new RoomInputs();
    private final Duration controllerMaxPingTime;
    private final List<RoomController> controllers = new CopyOnWriteArrayList<>();
    private final HubMeter meter;
    /** Invited sharers: alias to its own share token. Guarded by this. */
    private final Map<String, AccessToken> invites = new LinkedHashMap<>();
    /** Skeletons of revoked sharers' aliases, refused from then on; the oldest {@value #MAX_INVITES} kept. Guarded by this. */
    private final java.util.Set<String> revoked = java.util.Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_INVITES;
        }
    });
    private final AtomicLong links = new AtomicLong();
    private final AgentCaps caps;
    private final MessageLimits limits;
    private final Scheduling scheduling;
    private volatile DeviceGrant legacyGrant;
    private boolean closed;

    Room(String name, AccessToken shareToken, AccessToken controlToken, Duration controllerMaxPingTime,
         AgentCaps caps, MessageLimits limits, LegacySettings legacy, Scheduling scheduling, RoomRegistry registry,
         HubMeter meter) {
        this(name, shareToken, FIRST_CONTROLLER, controlToken, ControllerCeiling.NONE, controllerMaxPingTime, caps, limits,
                legacy, scheduling, registry, meter);
    }

    /** A room whose first controller is named {@code firstName} and held to {@code firstCeiling}. */
    Room(String name, AccessToken shareToken, String firstName, AccessToken controlToken, ControllerCeiling firstCeiling,
         Duration controllerMaxPingTime, AgentCaps caps, MessageLimits limits, LegacySettings legacy,
         Scheduling scheduling, RoomRegistry registry, HubMeter meter) {
        this.meter = Objects.requireNonNull(meter, "meter");
        this.name = Objects.requireNonNull(name, "name");
        this.shareToken = Objects.requireNonNull(shareToken, "shareToken");
        this.registry = registry;
        this.controllerMaxPingTime = controllerMaxPingTime;
        this.caps = caps;
        this.limits = limits;
        this.scheduling = scheduling;
        this.legacyGrant = legacy.forwarderGrant();
        this.source = new RoomSource(name, caps, scheduling.nanoClock(), legacy.nameSeparator(), scheduling.executor(), meter);
        this.arbiter = new RoomArbiter(scheduling);
        this.presence = new RoomPresence(source, arbiter, scheduling);
        this.fanOut = new DeviceFanOut(source, device -> {
            arbiter.deviceLeft(device);
            inputs.deviceLeft(device);
        });
        controllers.add(newController(checkControllerName(firstName), Objects.requireNonNull(controlToken, "controlToken"),
                Objects.requireNonNull(firstCeiling, "firstCeiling")));
    }

    private static String checkControllerName(String controllerName) {
        Objects.requireNonNull(controllerName, "controllerName");
        if (controllerName.isEmpty() || controllerName.length() > 64
                || controllerName.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a controller name must be 1 to 64 characters, no control characters");
        }
        return controllerName;
    }

    private RoomController newController(String controllerName, AccessToken token, ControllerCeiling ceiling) {
        return new RoomController(name, controllerName, token, ceiling, fanOut, arbiter, inputs, controllerMaxPingTime,
                limits, scheduling, meter, presence);
    }

    /**
     * Adds a controller with its own token, name and ceiling.
     *
     * @param controllerName its display name, unique in the room: 1 to 64 characters, no control characters
     * @param token          its control token (its URL's last segment), unique in the hub
     * @param ceiling        what it may do, on top of each sharer's grant
     * @return the controller
     * @throws IllegalArgumentException when the name is taken or unusable, the token is already a
     *                                  token of this hub, or the room has {@value #MAX_CONTROLLERS}
     * @throws IllegalStateException    when the room is closed
     */
    public RoomController addController(String controllerName, AccessToken token, ControllerCeiling ceiling) {
        checkControllerName(controllerName);
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(ceiling, "ceiling");
        return registry.ifTokenFree(token, () -> {
            synchronized (this) {
                if (closed) {
                    throw new IllegalStateException("this room is closed");
                }
                if (controllers.size() >= MAX_CONTROLLERS) {
                    throw new IllegalArgumentException("a room has at most " + MAX_CONTROLLERS + " controllers");
                }
                if (controller(controllerName).isPresent()) {
                    throw new IllegalArgumentException("a controller named " + controllerName + " exists in this room");
                }
                if (shareToken.matches(token.reveal())) {
                    throw new IllegalArgumentException("a control token must differ from the share token");
                }
                RoomController controller = newController(controllerName, token, ceiling);
                controllers.add(controller);
                log.info("room {}: controller \"{}\" added", name, controllerName);
                return controller;
            }
        });
    }

    /**
     * Adds a controller with a fresh random token.
     *
     * @param controllerName its display name, unique in the room
     * @param ceiling        what it may do, on top of each sharer's grant
     * @return the controller
     * @throws IllegalArgumentException as {@link #addController(String, AccessToken, ControllerCeiling)}
     */
    public RoomController addController(String controllerName, ControllerCeiling ceiling) {
        return addController(controllerName, AccessToken.generate(), ceiling);
    }

    /**
     * Revokes a controller at run time: its connection is closed (so the outputs whose current
     * value it set stop), what it held is freed, and its token is refused from now on (it no
     * longer opens this room). The room's first controller can be revoked too; the room then
     * keeps its other controllers.
     *
     * @param controllerName the controller's name
     * @return whether a controller of that name was revoked
     */
    public boolean revokeController(String controllerName) {
        Optional<RoomController> controller;
        synchronized (this) {
            controller = controller(controllerName);
            controller.ifPresent(controllers::remove);
        }
        controller.ifPresent(c -> {
            c.close();
            log.info("room {}: controller \"{}\" revoked", name, controllerName);
        });
        return controller.isPresent();
    }

    /**
     * Changes what a controller may do from its next command on, without closing its connection
     * (see {@link RoomController}: a level command reaches the device at the same share of the
     * new level; an output type no longer allowed is refused; the ranges it is shown change when
     * it connects again).
     *
     * @param controllerName the controller's name
     * @param ceiling        the new ceiling, with the same expiry as the current one
     * @return false when the room has no controller of that name
     * @throws IllegalArgumentException when the expiry differs (revoke and add it again instead)
     */
    public boolean changeCeiling(String controllerName, ControllerCeiling ceiling) {
        Optional<RoomController> controller = controller(controllerName);
        controller.ifPresent(c -> c.ceiling(ceiling));
        return controller.isPresent();
    }

    /**
     * The room's controllers, the first one first.
     *
     * @return a snapshot of the controllers
     */
    public List<RoomController> controllers() {
        return List.copyOf(controllers);
    }

    /**
     * The controller named {@code controllerName}, if any.
     *
     * @param controllerName a controller's name
     * @return the controller, or empty
     */
    public Optional<RoomController> controller(String controllerName) {
        return controllers.stream().filter(c -> c.name().equals(controllerName)).findFirst();
    }

    /** The controller whose token {@code token} is; every controller is compared. */
    Optional<RoomController> controllerWithToken(String token) {
        RoomController found = null;
        for (RoomController c : controllers) {
            if (c.controlToken().matches(token)) {
                found = c;
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * Sets who may drive a device when several controllers want to. Leases held under the
     * previous policy end; the outputs running stay as they are.
     *
     * @param policy the rule, e.g. {@link ArbitrationPolicy#exclusive(Duration)} or
     *               {@link ArbitrationPolicy#turns(Duration)}
     */
    public void arbitration(ArbitrationPolicy policy) {
        arbiter.policy(policy);
    }

    /**
     * The room's arbitration policy.
     *
     * @return the policy now in force
     */
    public ArbitrationPolicy arbitration() {
        return arbiter.policy();
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
     * The token the room's first controller presents (as the last segment of its URL).
     *
     * @return the first controller's token
     * @throws IllegalStateException when every controller has been revoked
     */
    public AccessToken controlToken() {
        return first().controlToken();
    }

    /** The first controller still in the room; the room's first one until it is revoked. */
    private RoomController first() {
        List<RoomController> now = controllers();
        if (now.isEmpty()) {
            throw new IllegalStateException("every controller of room " + name + " has been revoked");
        }
        return now.get(0);
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
     * The devices in the room now, as a controller sees them before its ceiling, as a v4 device
     * list (Id 0). Each carries the room's number for it, given in the order devices came; a
     * controller's own device indices may differ (its device manager gives a device that comes
     * back its old index).
     *
     * @return the devices in the room now, as a v4 device list (Id 0)
     */
    public DeviceList devices() {
        return fanOut.deviceList(0);
    }

    /** How many devices are in the room now. */
    int deviceCount() {
        return fanOut.deviceCount();
    }

    /**
     * Whether a controller is connected.
     *
     * @return whether any of the room's controllers is connected
     */
    public boolean hasController() {
        return controllers.stream().anyMatch(RoomController::isConnected);
    }

    /**
     * Serves the room's first controller over {@code connector} (already authenticated by the
     * caller); see {@link RoomController#accept}.
     *
     * @param connector the controller's link, already authenticated
     * @return whether the controller was taken
     */
    public boolean acceptController(ButtplugConnector connector) {
        List<RoomController> now = controllers();
        if (now.isEmpty()) {
            ControllerRefusal.refuse(connector, scheduling, "this room has no controller left");
            return false;
        }
        return now.get(0).accept(connector);
    }

    /**
     * Serves the controller whose token is {@code token} over {@code connector}.
     *
     * @return false, without touching the connector, when no controller of this room has that token
     */
    boolean acceptController(String token, ButtplugConnector connector) {
        Optional<RoomController> controller = controllerWithToken(token);
        controller.ifPresent(c -> c.accept(connector));
        return controller.isPresent();
    }

    /**
     * The room's first controller, in-process, without a socket (for apps and bots that run the
     * hub themselves); see {@link RoomController#connect}.
     *
     * @param clientName the name the controller announces
     * @return completes when connected; fails with
     *         {@link io.github.buttplugjava.core.ButtplugHandshakeException} when the first
     *         controller is connected already
     */
    public CompletableFuture<ButtplugClient> connectController(String clientName) {
        return first().connect(clientName);
    }

    /**
     * Invites one sharer: {@code token} is a share token of their own, bound to {@code alias}. An
     * agent presenting it must say hello with exactly that alias, and no agent with the room's open
     * share token may take that alias or {@linkplain AliasSkeleton one that looks like it}.
     *
     * @param alias the invited sharer's alias, as {@link io.github.buttplugjava.remote.link.Hello#cleanAlias} leaves it
     * @param token their share token, unique in the hub
     * @throws IllegalArgumentException when the alias is unusable or already invited, the token is
     *                                  already a token of this hub, or the room has {@value #MAX_INVITES} invites
     * @throws IllegalStateException    when the room is closed
     */
    public void invite(String alias, AccessToken token) {
        Objects.requireNonNull(token, "token");
        String clean = io.github.buttplugjava.remote.link.Hello.cleanAlias(Objects.requireNonNull(alias, "alias"));
        if (!clean.equals(alias)) {
            throw new IllegalArgumentException("an invited alias must be one an agent can say hello with (try \""
                    + clean + "\")");
        }
        registry.ifTokenFree(token, () -> {
            synchronized (this) {
                if (closed) {
                    throw new IllegalStateException("this room is closed");
                }
                if (invites.size() >= MAX_INVITES) {
                    throw new IllegalArgumentException("a room has at most " + MAX_INVITES + " invites");
                }
                String skeleton = AliasSkeleton.of(alias);
                if (invites.keySet().stream().anyMatch(a -> AliasSkeleton.of(a).equals(skeleton))) {
                    throw new IllegalArgumentException("the alias " + alias + " (or one that looks like it) is invited already");
                }
                if (shareToken.matches(token.reveal())) {
                    throw new IllegalArgumentException("an invite's token must differ from the open share token");
                }
                invites.put(alias, token);
                revoked.remove(skeleton);
                log.info("room {}: {} invited to share", name, alias);
                return null;
            }
        });
    }

    /**
     * The aliases of the invited sharers.
     *
     * @return a snapshot, in the order they were invited
     */
    public synchronized List<String> invites() {
        return List.copyOf(invites.keySet());
    }

    /**
     * Revokes a sharer at run time: their invite (if any) ends, so its token no longer opens the
     * room; their live agent link (if any) is closed, so their devices leave the room and their
     * agent stops their toys; and their alias (or one that looks like it) is refused from then on,
     * whatever token comes with it, until it is {@linkplain #invite invited} again.
     *
     * @param alias the sharer's alias
     * @return whether there was an invite or a live agent with that alias
     */
    public boolean revokeSharer(String alias) {
        boolean invited;
        synchronized (this) {
            invited = invites.remove(alias) != null;
            revoked.add(AliasSkeleton.of(alias));
        }
        boolean live = source.abortAlias(alias, "the room owner revoked this sharer");
        if (invited || live) {
            log.info("room {}: sharer {} revoked", name, alias);
        }
        return invited || live;
    }

    /** The alias the invite whose token {@code token} is was made for; every invite is compared. */
    synchronized Optional<String> invitedAlias(String token) {
        String found = null;
        for (Map.Entry<String, AccessToken> e : invites.entrySet()) {
            if (e.getValue().matches(token)) {
                found = e.getKey();
            }
        }
        return Optional.ofNullable(found);
    }

    /** Reserves a place for an agent that came with the room's open share token (see {@link #reserveAgent(String, boolean)}). */
    synchronized Optional<String> reserveAgent(String alias) {
        return reserveAgent(alias, false);
    }

    /**
     * Reserves a place for an agent whose hello carried {@code alias} and no resume key;
     * {@code invited} when it presented the invite made for that alias.
     *
     * @return the new link's id, or empty when the room is closed, a live agent's alias is the
     *         same or {@linkplain AliasSkeleton looks like it}, or (not invited) the alias looks
     *         like an invited one
     */
    Optional<String> reserveAgent(String alias, boolean invited) {
        return reserveAgent(alias, invited, Optional.empty(), null);
    }

    /**
     * Reserves a place for an agent whose hello carried {@code alias} and {@code resume};
     * {@code invited} when it presented the invite made for that alias; {@code abort} closes its
     * link with a reason (so a later redial of the same agent can replace it even before it is
     * attached; null for none). Refused as {@link #reserveAgent(String, boolean)} is, with one
     * exception: when the live agent holding the alias is this agent's own stale link (the same
     * alias, and the digest of the resume key its hello carried equals that of {@code resume}),
     * the stale link is taken out first (its devices leave the room, as on any drop) and closed,
     * and then the new link is reserved.
     *
     * @return the new link's id, or empty when refused
     */
    Optional<String> reserveAgent(String alias, boolean invited, Optional<ResumeKey> resume, Consumer<String> abort) {
        RoomSource.Reservation r;
        String linkId;
        synchronized (this) {
            if (closed || revoked.contains(AliasSkeleton.of(alias)) || (!invited && reservedByInvite(alias))) {
                return Optional.empty();
            }
            linkId = "agent-" + links.incrementAndGet();
            r = source.reserve(linkId, alias, resume.map(ResumeKey::digest).orElse(null), abort);
        }
        r.replaced().ifPresent(stale -> {
            log.info("room {}: agent {} dialed again before its old link was seen to end; the old link is closed and the new one takes its place",
                    name, stale.alias());
            meter.linkClosed("agent", "replaced");
            stale.close("replaced by this agent's new link");
        });
        return r.reserved() ? Optional.of(linkId) : Optional.empty();
    }

    private boolean reservedByInvite(String alias) {
        String skeleton = AliasSkeleton.of(alias);
        return invites.keySet().stream().anyMatch(a -> AliasSkeleton.of(a).equals(skeleton));
    }

    /** Why {@link #reserveAgent} refused {@code alias} to an agent that came with the open share token, in words for the agent. */
    String refusal(String alias) {
        return refusal(alias, false);
    }

    /**
     * Why {@link #reserveAgent} refused {@code alias}, in words for the agent; {@code invited} when
     * it presented the invite made for that alias (then a live agent holds it).
     */
    synchronized String refusal(String alias, boolean invited) {
        return closed ? "this room is closed"
                : revoked.contains(AliasSkeleton.of(alias)) ? "the room owner revoked the sharer \"" + alias + "\""
                : !invited && reservedByInvite(alias) ? "the alias \"" + alias + "\" is kept for an invited sharer (or looks like one that is)"
                : "the alias \"" + alias + "\" is taken in this room (or looks like one that is)";
    }

    /** Starts the agent reserved as {@code linkId}; its devices join the room until its link ends. */
    void attachAgent(String linkId, String alias, ButtplugConnector link) {
        attachAgent(linkId, alias, link, false, null);
    }

    /**
     * Starts the agent reserved as {@code linkId}; {@code toldPresence} when its welcome agreed to
     * the presence extension, so it is told who is in the room and who drives its devices;
     * {@code heartbeats} the hub's heartbeat when its welcome agreed to it, else null.
     */
    void attachAgent(String linkId, String alias, ButtplugConnector link, boolean toldPresence, Heartbeats heartbeats) {
        new AgentLink(linkId, alias, link, source, caps, limits, scheduling, toldPresence ? presence : null,
                heartbeats).start();
    }

    /** The room's presence, as its sharers are told it (for tests). */
    RoomPresence presence() {
        return presence;
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
        new ForwarderLink(linkId, alias, link, firstFrame,
                io.github.buttplugjava.core.codec.ServerCodec.DEFAULT_MAX_FRAME_CHARS, source, caps, limits, legacyGrant,
                scheduling, AgentLink.AGENT_REPLY_TIMEOUT).start();
    }

    /** Frees a reservation whose agent never started (its welcome could not be sent). */
    void releaseAgent(String linkId) {
        source.detach(linkId);
    }

    /** Disconnects every controller and every agent. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        controllers.forEach(RoomController::close);
        arbiter.close();
        fanOut.stopAll();
        source.close();
    }
}
