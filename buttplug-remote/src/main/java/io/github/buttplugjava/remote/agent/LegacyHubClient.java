package io.github.buttplugjava.remote.agent;

import io.github.buttplugjava.core.ButtplugHandshakeException;
import io.github.buttplugjava.core.PeerText;
import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.MessageLimits;
import io.github.buttplugjava.core.device.DeviceSource;
import io.github.buttplugjava.core.internal.Deadlines;
import io.github.buttplugjava.core.server.ButtplugServer;
import io.github.buttplugjava.core.server.DeviceManager;
import io.github.buttplugjava.core.server.ServerSession;
import io.github.buttplugjava.remote.link.HandoverConnector;
import io.github.buttplugjava.remote.link.Hello;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.function.BiFunction;

/**
 * The share agent in legacy mode: shares chosen local devices into a buttplug-js 0.13 hub, which
 * knows only 0.13 forwarders (no hello, spec v1, e.g. {@code ws://host:port/forwarder}).
 *
 * <p>Like {@link RemoteClient}, the local devices pass through a {@link GrantFilter}
 * ({@link #grants()}) into the agent's own Buttplug server, and every command is checked here: a
 * 0.13 hub enforces nothing. The link speaks what a 0.13 hub expects of a forwarder: optionally the
 * password as the first frame, answered {@code ok} (the 0.13 sample app), then {@code DeviceAdded}
 * and {@code DeviceRemoved} named "{@code <alias> - <device>}", and {@code Ok} or a v1
 * {@code Error} for every command, at once.
 *
 * <p>Safety: a 0.13 hub never pings, so its link is watched with WebSocket pings instead; when it
 * closes, or stays silent (no frame, no pong) for {@link Builder#silenceTimeout} (default
 * {@link #DEFAULT_SILENCE_TIMEOUT}), every local device is stopped at once and the agent dials again
 * with backoff; nothing is resumed by the new link. A hub that refuses the password is not dialed
 * again.
 *
 * <p>Thread-safe. Listener calls come one at a time on the scheduling's executor; the agent starts
 * no thread of its own.
 */
public final class LegacyHubClient implements AutoCloseable {

    /** How long a 0.13 hub may stay silent (no frame, no pong) before the toys stop: 3 s. */
    public static final Duration DEFAULT_SILENCE_TIMEOUT = Duration.ofSeconds(3);

    /** How long the agent waits for the hub's {@code ok} to its password. */
    public static final Duration PASSWORD_ANSWER_TIMEOUT = Duration.ofSeconds(5);

    /** What a 0.13 forwarder puts between its name and a device's name. */
    public static final String SEPARATOR = " - ";

    private static final Logger log = LoggerFactory.getLogger(LegacyHubClient.class);

    private final URI hub;
    private final String alias;
    private final String password;
    private final GrantFilter grants;
    private final DeviceManager devices;
    private final ButtplugServer server;
    private final BiFunction<URI, Duration, ButtplugConnector> dialer;
    private final RemoteClient.Listener listener;
    private final Duration silenceTimeout;
    private final Scheduling scheduling;
    private final ListenerCalls listenerCalls;
    private final CompletableFuture<Void> firstLink = new CompletableFuture<>();

    private final Object lock = new Object();
    private boolean started;
    private boolean closed;
    private Backoff backoff;
    private ButtplugConnector link;
    private ServerSession session;
    private ScheduledFuture<?> redial;

    private LegacyHubClient(Builder b) {
        this.hub = b.hub;
        this.alias = b.alias;
        this.password = b.password;
        this.scheduling = b.scheduling;
        this.grants = new GrantFilter(b.local, scheduling);
        this.devices = new DeviceManager(List.of(grants), scheduling);
        // no MaxPingTime: a 0.13 hub never pings; its silence is caught by the WebSocket keepalive
        this.server = ButtplugServer.builder(devices).name("buttplug-java share agent: " + alias)
                .maxPingTime(Duration.ZERO).limits(b.messageLimits).scheduling(scheduling).build();
        this.dialer = b.dialer;
        this.listener = b.listener;
        this.silenceTimeout = b.silenceTimeout;
        this.backoff = Backoff.starting(b.minBackoff, b.maxBackoff);
        this.listenerCalls = new ListenerCalls(scheduling.executor(), "LegacyHubClient");
    }

    /**
     * A builder.
     *
     * @param hub   the 0.13 hub's forwarder URL, e.g. {@code ws://127.0.0.1:8080/forwarder}
     * @param alias the name the hub's controller sees before each device
     * @param local where the local devices come from
     * @return the builder
     * @throws IllegalArgumentException when the alias is empty after cleaning
     */
    public static Builder builder(URI hub, String alias, DeviceSource local) {
        return new Builder(hub, alias, local);
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
     * Whether the link to the hub is up.
     *
     * @return whether the link is up
     */
    public boolean isLinked() {
        synchronized (lock) {
            return session != null && session.isOpen();
        }
    }

    /**
     * Starts dialing. The result completes when the first link is up; fails with
     * {@link ButtplugHandshakeException} when the hub refuses the password; while the hub cannot be
     * reached the agent keeps trying and the result stays pending.
     *
     * @return completes on the first link
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
                connector = dialer.apply(hub, silenceTimeout);
            } catch (RuntimeException e) {
                retryLater(e);
                return;
            }
            link = connector;
        }
        CompletableFuture<ButtplugConnector> authenticated = password == null
                ? CompletableFuture.completedFuture(connector)
                : HandoverConnector.open(connector).thenCompose(h -> h.send(password).thenCompose(v -> Deadlines.orTimeout(h.firstFrame(), PASSWORD_ANSWER_TIMEOUT, scheduling))
                        .thenApply(answer -> {
                            if (!"ok".equals(answer)) {
                                throw new RefusedException("the 0.13 hub did not accept the password");
                            }
                            return h;
                        }));
        authenticated.thenAccept(this::serve).whenComplete((v, error) -> {
            if (error != null) {
                failed(connector, unwrap(error));
            }
        });
    }

    private void serve(ButtplugConnector authenticated) {
        ServerSession s;
        synchronized (lock) {
            if (closed) {
                authenticated.close();
                return;
            }
            s = server.serve(new LegacyHubConnector(authenticated, alias, SEPARATOR));
            session = s;
            backoff = backoff.reset();
        }
        log.info("sharing into the 0.13 hub as {}", alias);
        tell(() -> listener.linked(""));
        firstLink.complete(null);
        s.closeFuture().whenComplete((x, e) -> dropped(s));
    }

    private void failed(ButtplugConnector connector, Throwable error) {
        connector.close();
        if (error instanceof RefusedException refused) {
            log.warn("{}", refused.getMessage());
            synchronized (lock) {
                closed = true;
            }
            tell(() -> listener.denied(refused.getMessage()));
            firstLink.completeExceptionally(new ButtplugHandshakeException(refused.getMessage()));
            return;
        }
        retryLater(error);
    }

    /** The link ended (closed, or silent past the timeout): stop everything now, then dial again. */
    private void dropped(ServerSession s) {
        synchronized (lock) {
            if (session != s) {
                return;
            }
            session = null;
        }
        grants.stopAll();
        retryLater(null);
    }

    private void retryLater(Throwable cause) {
        Duration wait;
        synchronized (lock) {
            if (closed) {
                return;
            }
            wait = backoff.delay();
            backoff = backoff.doubled();
        }
        log.info("not linked to the 0.13 hub ({}); dialing again in {} ms",
                cause == null ? "link dropped" : PeerText.error(cause.getMessage()), wait.toMillis());
        tell(() -> listener.unlinked(cause, wait));
        synchronized (lock) {
            if (!closed) {
                redial = Deadlines.later(wait, this::dial, scheduling);
            }
        }
    }

    private void tell(Runnable call) {
        listenerCalls.tell(call);
    }

    /** Stops every device, unshares everything and closes the link; no more dialing. Idempotent. */
    @Override
    public void close() {
        ButtplugConnector l;
        synchronized (lock) {
            if (closed && redial == null && link == null) {
                return;
            }
            closed = true;
            l = link;
            link = null;
            if (redial != null) {
                redial.cancel(false);
                redial = null;
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

    /** The hub refused the password; not worth dialing again. */
    private static final class RefusedException extends RuntimeException {
        RefusedException(String reason) {
            super(reason);
        }
    }

    /** Settings of a {@link LegacyHubClient}. Not thread-safe. */
    public static final class Builder {
        private final URI hub;
        private final String alias;
        private final DeviceSource local;
        private String password;
        private Duration silenceTimeout = DEFAULT_SILENCE_TIMEOUT;
        private Duration minBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private MessageLimits messageLimits = MessageLimits.DEFAULT;
        private Scheduling scheduling = Scheduling.defaults();
        private BiFunction<URI, Duration, ButtplugConnector> dialer = Builder::webSocket;
        private RemoteClient.Listener listener = new RemoteClient.Listener() {
        };

        private Builder(URI hub, String alias, DeviceSource local) {
            this.hub = Objects.requireNonNull(hub, "hub");
            this.alias = Hello.cleanAlias(alias);
            this.local = Objects.requireNonNull(local, "local");
        }

        private static ButtplugConnector webSocket(URI uri, Duration silence) {
            Duration interval = silence.dividedBy(3).isZero() ? Duration.ofMillis(1) : silence.dividedBy(3);
            return WebSocketConnector.builder(uri).keepAlive(interval, silence).build();
        }

        /**
         * The password the hub expects as the first frame (the 0.13 sample app's); none by default.
         *
         * @param password the password
         * @return this builder
         */
        public Builder password(String password) {
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /**
         * How long the hub may stay silent (no frame, no WebSocket pong) before the toys stop and
         * the link is closed (default {@link #DEFAULT_SILENCE_TIMEOUT}).
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder silenceTimeout(Duration timeout) {
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("the silence timeout must be positive");
            }
            this.silenceTimeout = timeout;
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
         * What the hub may make the agent's server hold and do (default {@link MessageLimits#DEFAULT}).
         *
         * @param limits the message limits
         * @return this builder
         */
        public Builder messageLimits(MessageLimits limits) {
            this.messageLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * How to open a link to the hub, given the hub's URI and the silence timeout (default: a
         * {@link WebSocketConnector} pinging every third of the timeout and closing after it). A
         * dialer of its own must close a silent link itself, or the toys of a stalled hub keep
         * running until its socket closes.
         *
         * @param dialer opens a connector to the hub
         * @return this builder
         */
        public Builder dialer(BiFunction<URI, Duration, ButtplugConnector> dialer) {
            this.dialer = Objects.requireNonNull(dialer, "dialer");
            return this;
        }

        /**
         * Who hears about the link ({@link RemoteClient.Listener#linked} gets an empty room name:
         * a 0.13 hub has none).
         *
         * @param listener who hears about the link
         * @return this builder
         */
        public Builder listener(RemoteClient.Listener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Where the agent runs its tasks, timers (redial backoff, the password answer's deadline,
         * grant expiry) and listener calls (default {@link Scheduling#defaults()}).
         *
         * @param scheduling the executor, scheduler and clock to use
         * @return this builder
         */
        public Builder scheduling(Scheduling scheduling) {
            this.scheduling = Objects.requireNonNull(scheduling, "scheduling");
            return this;
        }

        /**
         * The agent (not yet dialing: call {@link LegacyHubClient#start()}).
         *
         * @return the agent
         */
        public LegacyHubClient build() {
            return new LegacyHubClient(this);
        }
    }
}
