package io.github.buttplugjava.remote.agent;

import io.github.buttplugjava.core.ButtplugHandshakeException;
import io.github.buttplugjava.core.PeerText;
import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.core.client.ClientDeviceSource;
import io.github.buttplugjava.core.connector.PeerClosedException;
import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.MessageLimits;
import io.github.buttplugjava.core.device.DeviceSource;
import io.github.buttplugjava.core.internal.Deadlines;
import io.github.buttplugjava.core.server.ButtplugServer;
import io.github.buttplugjava.core.server.DeviceManager;
import io.github.buttplugjava.core.server.ServerSession;
import io.github.buttplugjava.remote.link.HandoverConnector;
import io.github.buttplugjava.remote.link.Heartbeat;
import io.github.buttplugjava.remote.link.Hello;
import io.github.buttplugjava.remote.link.HelloReply;
import io.github.buttplugjava.remote.link.LinkExtensions;
import io.github.buttplugjava.remote.link.PresenceFrame;
import io.github.buttplugjava.remote.link.ResumeKey;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Function;

/**
 * The share agent: shares chosen local devices with a hub, as a Buttplug server that dials out.
 *
 * <p>It passes the local {@link DeviceSource} through a {@link GrantFilter} (see {@link #grants()}
 * to share, limit, pause and revoke at run time) into its own {@link ButtplugServer}. It dials the
 * hub, sends a hello (agent protocol, share token, alias) and, once welcomed, serves the Buttplug
 * protocol to the hub over the same socket. The hub is treated as untrusted: every command is
 * checked against the grants here.
 *
 * <p>Safety: the server's MaxPingTime (default {@link #DEFAULT_MAX_PING_TIME}) makes a hub that
 * dies or stalls ping out, which stops every device. With a hub that agreed to the
 * {@linkplain Heartbeat heartbeat} (offered when MaxPingTime is at least 1.5 s), each beat of the
 * hub's processing counts as a ping, so the hub need not Buttplug-ping an idle agent that often; a
 * stalled hub sends no beats and the agent pings out the same. When the link drops, every local device is
 * stopped at once; the agent then dials again with backoff, and nothing is resumed by the new link.
 * Every hello carries the agent's {@linkplain ResumeKey resume key}, made once per agent, so a hub
 * that has not yet noticed the old link's end takes the new link in its place instead of refusing
 * the alias as taken.
 * A hub that denies the hello is not dialed again, and neither is one that, before the first
 * welcome, opens the socket and then closes it with an error instead of answering the hello (a
 * wrong path, or no hub at that address): that is a configuration mistake, not a network loss,
 * and it is reported through {@link Listener#denied(String)} with the close reason.
 *
 * <p>Presence: with a {@link Builder#presenceListener presence listener}, the agent asks the hub
 * (in its hello) to tell it who is in the room: which controllers join and leave, and which of
 * them drives each of its toys ({@link PresenceEvent}, {@link #presence()}). A hub older than
 * this one does not, and says so by leaving it out of its welcome; the agent then shares as
 * before and tells the listener {@link PresenceEvent.Unavailable}.
 *
 * <p>Thread-safe. Listener calls come one at a time on the agent's own thread and must not block.
 */
public final class RemoteClient implements AutoCloseable {

    /** Default MaxPingTime of the agent's server: a silent hub stops the toys after this long. */
    public static final Duration DEFAULT_MAX_PING_TIME = Duration.ofMillis(1500);

    /** How long the agent waits for the hub's answer to its hello. */
    public static final Duration HELLO_ANSWER_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(RemoteClient.class);

    /** The name in the ServerInfo an agent answers its hub with. */
    static final String SERVER_NAME = "buttplug-java share agent";

    /** What happens to the link. Default methods do nothing. */
    public interface Listener {
        /**
         * The hub welcomed the agent; the devices are shared.
         *
         * @param room the room's name, as the hub gave it
         */
        default void linked(String room) {
        }

        /**
         * The link dropped (the devices were stopped); the agent dials again after {@code retryIn}.
         *
         * @param cause why, or null when the link just dropped
         * @param retryIn the wait before the next dial
         */
        default void unlinked(Throwable cause, Duration retryIn) {
        }

        /**
         * The hub refused the hello; the agent stops dialing.
         *
         * @param reason why, as the hub said it
         */
        default void denied(String reason) {
        }
    }

    private final List<URI> hubs;
    /** Which of {@link #hubs} the next dial goes to; moves on after every drop or failed dial. */
    private int nextHub;
    private final Hello hello;
    private final GrantFilter grants;
    private final DeviceManager devices;
    private final ButtplugServer server;
    private final Function<URI, ButtplugConnector> dialer;
    private final Listener listener;
    private final Duration maxPingTime;
    private final Scheduling scheduling;
    private final ListenerCalls listenerCalls;
    private final CompletableFuture<Void> firstLink = new CompletableFuture<>();
    /** Told presence by the hub, or null when nobody listens (the hello then does not ask for it). */
    private final PresenceReceiver presence;

    private final Object lock = new Object();
    private boolean started;
    private boolean closed;
    private boolean everWelcomed;
    private Backoff backoff;
    private ButtplugConnector link;
    private ServerSession session;
    /** Set once by {@link #close()} ({@code closed} is also set when the hub denies the agent). */
    private boolean shutDown;
    /** The next dial or silence check, cancelled on close. */
    private ScheduledFuture<?> timer;

    private RemoteClient(Builder b) {
        this.hubs = b.hubs();
        // heartbeat: offered when the MaxPingTime leaves room for three beats (an older hub ignores it)
        // one resume key per agent, in every hello: a hub that still holds this agent's stale link
        // takes the new one in its place (ResumeKey)
        this.hello = new Hello(Hello.PROTOCOL, b.token, b.alias,
                (b.presenceListener == null ? LinkExtensions.NONE : LinkExtensions.PRESENCE_ONLY)
                        .with(Heartbeat.fits(b.maxPingTime) ? LinkExtensions.HEARTBEAT_ONLY : LinkExtensions.NONE),
                Optional.of(ResumeKey.generate()));
        this.scheduling = b.scheduling;
        this.grants = new GrantFilter(b.local, scheduling);
        this.devices = new DeviceManager(List.of(grants), scheduling);
        // one name for every agent (the hub knows each one's alias from its hello): a hub holding
        // thousands of links keeps one copy of it (memory per idle link)
        this.server = ButtplugServer.builder(devices).name(SERVER_NAME)
                .maxPingTime(b.maxPingTime).limits(b.messageLimits).scheduling(scheduling).build();
        this.dialer = b.dialer;
        this.listener = b.listener;
        this.maxPingTime = b.maxPingTime;
        this.backoff = Backoff.starting(b.minBackoff, b.maxBackoff);
        this.listenerCalls = new ListenerCalls(scheduling.executor(), "RemoteClient");
        this.presence = b.presenceListener == null ? null : new PresenceReceiver(listenerCalls.serial(), b.presenceListener,
                index -> devices.identifier(index).flatMap(grants::localIdentifierOf),
                id -> Optional.ofNullable(grants.localDevices().get(id)).map(d -> PeerText.name(d.name())).orElse(id));
    }

    /**
     * A builder.
     *
     * @return this builder
     * @param hub   the hub's share URL, e.g. {@code ws://127.0.0.1:8080/share}
     * @param token the room's share token
     * @param alias the name controllers see before each of this agent's devices
     * @param local where the local devices come from (simulated, BLE, or a {@link ClientDeviceSource})
     * @throws IllegalArgumentException when the alias is empty after cleaning
     */
    public static Builder builder(URI hub, String token, String alias, DeviceSource local) {
        return new Builder(hub, token, alias, local);
    }

    /**
     * Legacy mode: a share agent for a buttplug-js 0.13 hub instead of a buttplug-java hub (no
     * hello, spec v1, the 0.13 forwarder's wire form); see {@link LegacyHubClient}.
     *
     * @param hub   the 0.13 hub's forwarder URL, e.g. {@code ws://127.0.0.1:8080/forwarder}
     * @param alias the name the hub's controller sees before each device
     * @param local where the local devices come from
     * @return a builder of the legacy agent
     * @throws IllegalArgumentException when the alias is empty after cleaning
     */
    public static LegacyHubClient.Builder legacyBuilder(URI hub, String alias, DeviceSource local) {
        return LegacyHubClient.builder(hub, alias, local);
    }

    /**
     * The grants: what is shared and how. Changes apply at once, also while linked.
     *
     * @return the grants
     */
    public GrantFilter grants() {
        return grants;
    }

    /**
     * The alias controllers see.
     *
     * @return the alias controllers see
     */
    public String alias() {
        return hello.alias();
    }

    /**
     * Whether the hub has welcomed the agent and the link is up.
     *
     * @return whether the hub has welcomed the agent and the link is up
     */
    public boolean isLinked() {
        synchronized (lock) {
            return session != null && session.isOpen();
        }
    }

    /**
     * Who is in the room, as the hub last told it: the controllers connected and who drives each
     * shared toy.
     *
     * @return the picture; empty when no {@link Builder#presenceListener presence listener} was
     *         set, while not linked, or when the hub does not tell presence
     */
    public Optional<Presence> presence() {
        return presence == null ? Optional.empty() : presence.presence();
    }

    /**
     * Starts dialing. The result completes on the first welcome, fails with
     * {@link ButtplugHandshakeException} when the hub denies the hello; while the hub cannot be
     * reached the agent keeps trying (see {@link Listener#unlinked}) and the result stays pending.
     *
     * @return completes on the first welcome; fails when the hub denies the hello
     * @throws IllegalStateException when already started
     */
    public CompletableFuture<Void> start() {
        synchronized (lock) {
            if (started) {
                throw new IllegalStateException("already started");
            }
            started = true;
        }
        devices.startScanning().whenComplete((v, e) -> {
            if (e != null) {
                log.warn("could not scan for local devices: {}", e.getMessage());
            }
        });
        dial();
        return firstLink.copy();
    }

    private void dial() {
        ButtplugConnector connector;
        synchronized (lock) {
            if (closed) {
                return;
            }
            try {
                connector = dialer.apply(hubs.get(nextHub));
            } catch (RuntimeException e) {
                retryLater(e);
                return;
            }
            link = connector;
        }
        HandoverConnector.open(connector, scheduling.nanoClock())
                // a failed send means the link is closing: the first frame then fails with the close reason
                .thenCompose(h -> h.send(hello.encode()).handle((v, sendError) -> null).thenCompose(v ->
                        Deadlines.orTimeout(h.firstFrame(), HELLO_ANSWER_TIMEOUT, scheduling))
                        .exceptionally(e -> {
                            throw refusedBeforeAnswer(unwrap(e));
                        })
                        .thenApply(frame -> welcome(h, frame)))
                .whenComplete((v, error) -> {
                    if (error != null) {
                        failed(connector, unwrap(error));
                    }
                });
    }

    /**
     * The socket opened but no answer to the hello came. Before the first welcome, a close that
     * refuses the link ({@link PeerClosedException#refusal()}: the hub closing an unknown path with
     * 1008, say) is final; anything else is retried: a temporary close (1013 "try again later" from
     * a hub shedding waiting sockets, 1012 a restart), a server error, a connection lost without a
     * close frame (a hub crashing or overloaded as the agent dials), a timeout, an orderly close,
     * and any failure once the agent has been welcomed.
     */
    private RuntimeException refusedBeforeAnswer(Throwable error) {
        boolean welcomedBefore;
        synchronized (lock) {
            welcomedBefore = everWelcomed;
        }
        if (!welcomedBefore && error instanceof HandoverConnector.ClosedBeforeFirstFrame closedEarly
                && closedEarly.getCause() instanceof PeerClosedException closed && closed.refusal()) {
            return new DeniedException("the hub closed the link without answering: "
                    + PeerText.error(String.valueOf(closedEarly.getCause().getMessage())));
        }
        return error instanceof RuntimeException r ? r : new CompletionException(error);
    }

    private Void welcome(HandoverConnector handover, String frame) {
        HelloReply reply = HelloReply.decode(frame);
        if (reply instanceof HelloReply.Denied d) {
            throw new DeniedException(PeerText.error(d.reason()));
        }
        HelloReply.Welcome w = (HelloReply.Welcome) reply;
        if (w.protocol() != Hello.PROTOCOL) {
            throw new DeniedException("the hub speaks agent protocol " + w.protocol() + ", this agent " + Hello.PROTOCOL);
        }
        ServerSession s;
        String room = PeerText.name(w.room());
        boolean told = presence != null && w.extensions().has(LinkExtensions.PRESENCE);
        boolean beats = hello.extensions().has(LinkExtensions.HEARTBEAT) && w.extensions().has(LinkExtensions.HEARTBEAT);
        synchronized (lock) {
            if (closed) {
                handover.close();
                return null;
            }
            // told before serving, so the listener hears of the link before any presence event
            tell(() -> listener.linked(room));
            HeartbeatCounter heartbeat = beats ? new HeartbeatCounter(scheduling.nanoClock()) : null;
            ButtplugConnector served = heartbeat != null
                    ? new FrameTap(handover, Heartbeat::isHeartbeat, f -> heartbeat.beat()) : handover;
            if (presence != null) {
                long number = presence.linked(told);
                s = server.serve(told ? new FrameTap(served, PresenceFrame::isPresence, f -> presence.offer(number, f)) : served);
            } else {
                s = server.serve(served);
            }
            if (heartbeat != null) {
                heartbeat.feed(s);
            }
            session = s;
            backoff = backoff.reset();
            everWelcomed = true;
        }
        log.info("linked to the hub as {} (room {}){}{}", hello.alias(), room, told ? "; the hub tells presence" : "",
                beats ? "; the hub's heartbeat counts as its pings" : "");
        firstLink.complete(null);
        s.closeFuture().whenComplete((x, e) -> dropped(s));
        watchSilence(handover, s);
        return null;
    }

    /**
     * The hub pings the agent's server; a server that pings out stops the toys but keeps the
     * socket. A link silent for MaxPingTime is closed here, so the agent dials again. One check
     * per silence window, not a periodic one: each check is set for the moment the link would have
     * been silent for longer than MaxPingTime since the last frame it had seen, and when a frame
     * came in the meantime it sets the next one the same way. So a hub that keeps talking costs one
     * timer per MaxPingTime per link, and a silent hub is left as soon as the silence is longer
     * than MaxPingTime.
     */
    private void watchSilence(HandoverConnector handover, ServerSession s) {
        long max = maxPingTime.toNanos();
        long silentFor = scheduling.nanoTime() - handover.lastFrameNanos();
        // due when the silence exceeds max (by the clock's millisecond granularity), never sooner than 1 ms
        long due = Math.max(1_000_000L, max - silentFor + 1_000_000L);
        schedule(Duration.ofNanos(due), () -> {
            if (!s.isOpen()) {
                return;
            }
            if (scheduling.nanoTime() - handover.lastFrameNanos() > max) {
                log.warn("the hub has been silent for {} ms: closing the link", maxPingTime.toMillis());
                grants.stopAll();
                handover.close();
                return;
            }
            watchSilence(handover, s);
        });
    }

    /** Runs {@code task} on the executor after {@code delay}, unless the agent closes first. */
    private void schedule(Duration delay, Runnable task) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            timer = Deadlines.later(delay, task, scheduling);
        }
    }

    private void failed(ButtplugConnector connector, Throwable error) {
        connector.close();
        if (error instanceof DeniedException denied) {
            log.warn("the hub denied this agent: {}", denied.getMessage());
            synchronized (lock) {
                closed = true;
            }
            tell(() -> listener.denied(denied.getMessage()));
            firstLink.completeExceptionally(new ButtplugHandshakeException("the hub denied this agent: " + denied.getMessage()));
            return;
        }
        retryLater(error);
    }

    /** The welcomed link ended: stop everything now, then dial again. */
    private void dropped(ServerSession s) {
        synchronized (lock) {
            if (session != s) {
                return;
            }
            session = null;
        }
        grants.stopAll();
        if (presence != null) {
            presence.unlinked();
        }
        retryLater(null);
    }

    private void retryLater(Throwable cause) {
        Duration wait;
        synchronized (lock) {
            if (closed) {
                return;
            }
            wait = backoff.jittered(java.util.concurrent.ThreadLocalRandom.current().nextDouble()); // not all agents at once after a shared drop
            nextHub = (nextHub + 1) % hubs.size();
            backoff = backoff.doubled();
        }
        log.info("not linked to the hub ({}); dialing again in {} ms",
                cause == null ? "link dropped" : cause.getMessage(), wait.toMillis());
        tell(() -> listener.unlinked(cause, wait));
        schedule(wait, this::dial);
    }

    private void tell(Runnable call) {
        listenerCalls.tell(call);
    }

    /** Stops every device, unshares everything and closes the link; no more dialing. Idempotent. */
    @Override
    public void close() {
        ButtplugConnector l;
        synchronized (lock) {
            if (shutDown) {
                return;
            }
            shutDown = true;
            closed = true;
            l = link;
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
        }
        grants.stopAll();
        if (l != null) {
            l.close();
        }
        server.close();
        devices.close();
        firstLink.completeExceptionally(new ButtplugHandshakeException("the agent was closed"));
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    /** The hub said no; not worth dialing again. */
    private static final class DeniedException extends RuntimeException {
        DeniedException(String reason) {
            super(reason);
        }
    }

    /** Settings of a {@link RemoteClient}. Not thread-safe. */
    public static final class Builder {
        /** Most hubs one agent dials in turn ({@link #alsoHub}). */
        public static final int MAX_HUBS = 16;

        private final URI hub;
        private final List<URI> otherHubs = new java.util.ArrayList<>();
        private final String token;
        private final String alias;
        private final DeviceSource local;
        private Duration maxPingTime = DEFAULT_MAX_PING_TIME;
        private Duration minBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private Function<URI, ButtplugConnector> dialer = WebSocketConnector::to;
        private MessageLimits messageLimits = MessageLimits.DEFAULT;
        private Scheduling scheduling = Scheduling.defaults();
        private Listener listener = new Listener() {
        };
        private PresenceListener presenceListener;

        private Builder(URI hub, String token, String alias, DeviceSource local) {
            this.hub = Objects.requireNonNull(hub, "hub");
            this.token = Objects.requireNonNull(token, "token");
            this.alias = Hello.cleanAlias(alias);
            this.local = Objects.requireNonNull(local, "local");
        }

        /**
         * Another hub of the same service, e.g. another node of a hub cluster (docs/CLUSTER.md): after a
         * drop or a failed dial the agent dials the next hub in turn (the first, then each added
         * here, then the first again), with the same backoff. A denial from any of them is final.
         *
         * @param other another hub's share URL
         * @return this builder
         * @throws IllegalArgumentException when the agent has {@value #MAX_HUBS} hubs already
         */
        public Builder alsoHub(URI other) {
            Objects.requireNonNull(other, "other");
            if (otherHubs.size() + 1 >= MAX_HUBS) {
                throw new IllegalArgumentException("an agent dials at most " + MAX_HUBS + " hubs");
            }
            otherHubs.add(other);
            return this;
        }

        private List<URI> hubs() {
            List<URI> all = new java.util.ArrayList<>();
            all.add(hub);
            all.addAll(otherHubs);
            return List.copyOf(all);
        }

        /**
         * MaxPingTime of the agent's server (default {@link #DEFAULT_MAX_PING_TIME}); must be positive.
         *
         * @param maxPingTime the MaxPingTime; positive
         * @return this builder
         */
        public Builder maxPingTime(Duration maxPingTime) {
            if (maxPingTime.isZero() || maxPingTime.isNegative()) {
                throw new IllegalArgumentException("an agent needs a MaxPingTime, so a dead hub stops the toys");
            }
            this.maxPingTime = maxPingTime;
            return this;
        }

        /**
         * Waits between dial attempts: from {@code min}, doubling up to {@code max}.
         *
         * @param min the first wait
         * @param max the longest wait
         * @return this builder
         */
        public Builder backoff(Duration min, Duration max) {
            if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
                throw new IllegalArgumentException("backoff needs 0 < min <= max");
            }
            this.minBackoff = min;
            this.maxBackoff = max;
            return this;
        }

        /**
         * How to open a link to the hub (default a {@link WebSocketConnector}; e.g. one with TLS settings).
         *
         * @param dialer opens a connector to the hub's URI
         * @return this builder
         */
        public Builder dialer(Function<URI, ButtplugConnector> dialer) {
            this.dialer = Objects.requireNonNull(dialer, "dialer");
            return this;
        }

        /**
         * What the hub may make the agent's own server hold and do (default
         * {@link MessageLimits#DEFAULT}); the hub relays commands coalesced per feature, so an
         * honest hub stays far below it.
         *
         * @param limits the message limits
         * @return this builder
         */
        public Builder messageLimits(MessageLimits limits) {
            this.messageLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Where the agent runs its work and how it keeps time: its server's sessions and ping
         * watchdog, the grants' expiry and intervals, the hub-silence check, the dial backoff and
         * listener calls (default {@link Scheduling#defaults()}).
         *
         * @param scheduling the executor, scheduler and clock to use
         * @return this builder
         */
        public Builder scheduling(Scheduling scheduling) {
            this.scheduling = Objects.requireNonNull(scheduling, "scheduling");
            return this;
        }

        /**
         * Who hears about the link.
         *
         * @param listener who hears about the link
         * @return this builder
         */
        public Builder listener(Listener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Who hears who is in the room: controllers joining and leaving, and who drives each
         * shared toy. Setting one makes the agent ask the hub for presence in its hello (an older
         * hub ignores the question). Default: none, and the hello is exactly that of older agents.
         *
         * @param listener who hears presence events
         * @return this builder
         */
        public Builder presenceListener(PresenceListener listener) {
            this.presenceListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The agent (not yet dialing: call {@link RemoteClient#start()}).
         *
         * @return the agent, not yet dialing
         */
        public RemoteClient build() {
            return new RemoteClient(this);
        }
    }
}
