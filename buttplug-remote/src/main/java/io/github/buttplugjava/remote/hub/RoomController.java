package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.InProcessConnector;
import io.github.buttplugjava.core.connector.MessageLimits;
import io.github.buttplugjava.core.device.DeviceSource;
import io.github.buttplugjava.core.message.DeviceList;
import io.github.buttplugjava.core.server.ButtplugServer;
import io.github.buttplugjava.core.server.DeviceManager;
import io.github.buttplugjava.core.server.ServerSession;
import io.github.buttplugjava.remote.link.AccessToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One controller place of a {@link Room}: its own control token (its own URL), a display name and
 * its own {@link ControllerCeiling}. It drives from one connection at a time: while a connection
 * is open, another one presenting the same token is refused with a spec Error (ERROR_INIT).
 *
 * <p>The controller face is an ordinary Buttplug server session (spec v0..v4) over the room's
 * devices as this controller may see them. Its device indices are its own: they follow the order
 * in which devices joined the room since this controller was added, so controllers added together
 * see the same indices. When its connection disconnects, crashes or pings out, exactly the outputs
 * whose current value it set stop; what other controllers set keeps running. When its ceiling
 * expires, its connection is closed (so its outputs stop) and it can connect no more.
 *
 * <p>Thread-safe.
 */
public final class RoomController {

    private static final Logger log = LoggerFactory.getLogger(RoomController.class);

    private final String roomName;
    private final String name;
    private final AccessToken token;
    private volatile ControllerCeiling ceiling;
    private final RoomArbiter arbiter;
    private final RoomPresence presence;
    private final Scheduling scheduling;
    private final DeviceManager devices;
    private final ButtplugServer server;
    private final long expiresAtNanos;
    private final ScheduledFuture<?> expiryTimer;
    private final HubMeter meter;
    private ServerSession session;
    private ButtplugConnector link;
    private boolean closed;

    RoomController(String roomName, String name, AccessToken token, ControllerCeiling ceiling, DeviceFanOut fanOut,
                   RoomArbiter arbiter, RoomInputs inputs, Duration maxPingTime, MessageLimits limits, Scheduling scheduling,
                   HubMeter meter, RoomPresence presence) {
        this.presence = presence;
        this.meter = meter;
        this.roomName = roomName;
        this.name = name;
        this.token = token;
        this.ceiling = ceiling;
        this.arbiter = arbiter;
        this.scheduling = scheduling;
        this.expiresAtNanos = ceiling.expiry().map(d -> scheduling.nanoTime() + d.toNanos()).orElse(Long.MAX_VALUE);
        DeviceSource view = fanOut.view("controller(" + name + ")",
                device -> new ControlledDevice(device, name, this.ceiling, this::ceiling, arbiter, inputs, this::expired));
        this.devices = new DeviceManager(List.of(view), scheduling);
        // relayed commands wait for the agent's reply (3 s) at most; a little more here, so the
        // agent's own answer (or its timeout) is what the controller sees
        this.server = ButtplugServer.builder(devices).name("buttplug-java hub (" + roomName + ")")
                .maxPingTime(maxPingTime).limits(limits)
                .commandTimeout(AgentLink.AGENT_REPLY_TIMEOUT.plusSeconds(1)).scheduling(scheduling).build();
        this.expiryTimer = ceiling.expiry().map(d -> scheduling.scheduler().schedule(this::expire,
                d.toNanos(), TimeUnit.NANOSECONDS)).orElse(null);
    }

    /**
     * The controller's display name, unique in its room.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The token this controller presents (as the last segment of its URL).
     *
     * @return the control token
     */
    public AccessToken controlToken() {
        return token;
    }

    /**
     * What the room owner lets this controller do.
     *
     * @return the ceiling
     */
    public ControllerCeiling ceiling() {
        return ceiling;
    }

    /**
     * Changes what this controller may do, from its next command on, without closing its
     * connection: a level command is a share of the range the controller was shown, so it now
     * reaches the device at that share of the new level (a 100% command from a controller lowered
     * from 30% to 10% reaches the toy at 10% of the sharer's grant); an output type no longer
     * allowed is refused. The ranges and types it is shown change when it connects again. The
     * expiry cannot change this way (revoke the controller and add it again).
     *
     * @param next the new ceiling, with the same expiry as the current one
     * @throws IllegalArgumentException when the expiry differs
     */
    void ceiling(ControllerCeiling next) {
        java.util.Objects.requireNonNull(next, "next");
        if (!java.util.Objects.equals(next.validFor(), ceiling.validFor())) {
            throw new IllegalArgumentException("a controller's expiry cannot change while it is in the room");
        }
        ceiling = next;
        log.info("room {}: controller \"{}\" now held to {}", roomName, name, next);
    }

    /**
     * Whether this controller's access has ended (its ceiling's expiry has passed).
     *
     * @return whether it has expired
     */
    public boolean expired() {
        return scheduling.nanoTime() - expiresAtNanos >= 0 && expiresAtNanos != Long.MAX_VALUE;
    }

    /**
     * Whether a connection of this controller is open.
     *
     * @return whether it is connected
     */
    public synchronized boolean isConnected() {
        return session != null && session.isOpen() && link.isConnected();
    }

    /**
     * The devices this controller sees now, as a v4 device list (Id 0).
     *
     * @return the devices, with this controller's indices and ceiling
     */
    public DeviceList devices() {
        return devices.deviceList(0);
    }

    /**
     * Serves this controller over {@code connector} (already authenticated by the caller). When
     * it is connected already, has expired or the room is closed, the newcomer's first request is
     * answered with a spec Error (ERROR_INIT) and its connector is closed.
     *
     * @param connector the controller's link
     * @return whether the connection was taken
     */
    public boolean accept(ButtplugConnector connector) {
        String refusal;
        synchronized (this) {
            if (!closed && !expired() && !isConnected()) {
                ServerSession s = server.serve(connector);
                session = s;
                link = connector;
                log.info("room {}: controller \"{}\" connected", roomName, name);
                arbiter.joined(name);
                presence.joined(name);
                s.closeFuture().whenComplete((v, e) -> {
                    meter.linkClosed("controller", e == null ? "ended" : "error");
                    left(s);
                });
                return true;
            }
            refusal = closed ? "this controller was revoked, or its room is closed"
                    : expired() ? "the access of this controller has expired"
                    : "this room already has a controller connected with this token; one connection per control token at a time";
        }
        log.info("room {}: refused a connection of controller \"{}\"", roomName, name);
        ControllerRefusal.refuse(connector, scheduling, refusal);
        return false;
    }

    /**
     * Connects this controller in-process, without a socket (for apps and bots that run the hub
     * themselves).
     *
     * @param clientName the name the client announces
     * @return completes when connected; fails with
     *         {@link io.github.buttplugjava.core.ButtplugHandshakeException} when this controller is
     *         connected already or cannot connect
     */
    public CompletableFuture<ButtplugClient> connect(String clientName) {
        InProcessConnector.Pair pair = InProcessConnector.pair(scheduling.executor());
        ButtplugClient client = ButtplugClient.builder(clientName).scheduling(scheduling).build();
        accept(pair.server());
        return client.connect(pair.client()).thenApply(v -> client);
    }

    private void left(ServerSession s) {
        synchronized (this) {
            if (session != s) {
                return;
            }
            session = null;
        }
        // the session stopped what it drove; this also frees what it held under the room's policy
        arbiter.left(name);
        presence.left(name);
        log.info("room {}: controller \"{}\" left; the outputs it set were stopped", roomName, name);
    }

    private void expire() {
        log.info("room {}: the access of controller \"{}\" expired", roomName, name);
        server.closeSessions();
    }

    /** Disconnects this controller for good. Idempotent. */
    void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (expiryTimer != null) {
            expiryTimer.cancel(false);
        }
        server.close();
        arbiter.left(name);
        presence.left(name);
        devices.close();
    }
}
