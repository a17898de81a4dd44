package io.github.buttplugjava.core.server;

import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.MessageLimits;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * An embedded Buttplug server: serves client sessions (spec v0..v4) over any
 * {@link ButtplugConnector}, all driving the devices of one {@link DeviceManager}.
 *
 * <pre>{@code
 * DeviceManager devices = new DeviceManager(List.of(SimulatedDevices.of("lovense")));
 * ButtplugServer server = ButtplugServer.builder(devices).name("My Server").build();
 * server.serve(connector);   // one session per connector
 * }</pre>
 *
 * <p>Each session follows the spec: RequestServerInfo first (else ERROR_INIT), the client's version
 * is answered in kind (a client older than v4 gets its own version), a client newer than v4 is
 * refused, the MaxPingTime watchdog stops all devices and sends Error code 2 (ERROR_PING) with Id 0.
 * A Ping to a server with MaxPingTime 0 is answered Ok (the prose spec; the reference server
 * answers ERROR_PING there). On disconnect a session stops every output it drove, ahead of anything
 * the client still had queued; what a client may queue and send is bounded by {@link Builder#limits}.
 *
 * <p>Thread-safe. The server does not own the device manager: close it yourself.
 */
public final class ButtplugServer implements AutoCloseable {

    private final ServerSettings settings;
    private final DeviceManager manager;
    private final Scheduling scheduling;
    private final int maxFrameChars;
    private final MessageLimits limits;
    private final Set<ServerSession> sessions = ConcurrentHashMap.newKeySet();

    private ButtplugServer(Builder builder) {
        this.settings = new ServerSettings(builder.name, builder.maxPingTime.toMillis(),
                builder.handshakeTimeout.toMillis(), builder.commandTimeout.toMillis());
        this.manager = builder.manager;
        this.scheduling = builder.scheduling;
        this.maxFrameChars = builder.maxFrameChars;
        this.limits = builder.limits;
    }

    /**
     * A builder for a server over {@code manager}.
     *
     * @param manager the devices every session drives; the server does not close it
     * @return a builder with the defaults
     */
    public static Builder builder(DeviceManager manager) {
        return new Builder(manager);
    }

    /**
     * The device manager the sessions drive.
     *
     * @return the manager given to the builder
     */
    public DeviceManager deviceManager() {
        return manager;
    }

    /**
     * The server name sent in ServerInfo.
     *
     * @return the name, never null
     */
    public String name() {
        return settings.name();
    }

    /**
     * MaxPingTime sent in ServerInfo; zero means no ping required.
     *
     * @return the MaxPingTime, {@link Duration#ZERO} when no ping is required
     */
    public Duration maxPingTime() {
        return Duration.ofMillis(settings.maxPingTimeMs());
    }

    /**
     * Starts a session on {@code connector}: connects it and serves the client until it closes.
     * Never blocks. If the connector cannot open, the session ends at once.
     *
     * @param connector a connector not yet connected; the session connects it
     * @return the session, running; see {@link ServerSession#closeFuture()} for its end
     */
    public ServerSession serve(ButtplugConnector connector) {
        Objects.requireNonNull(connector, "connector");
        ServerSession session = new ServerSession(settings, manager, connector, scheduling, maxFrameChars,
                limits, sessions::remove);
        sessions.add(session);
        session.start();
        return session;
    }

    /**
     * The sessions now running.
     *
     * @return a snapshot of the open sessions, unmodifiable
     */
    public List<ServerSession> sessions() {
        return List.copyOf(sessions);
    }

    /**
     * Closes every session's connector (which stops what they drove). The device manager stays
     * open.
     *
     * @return a future completing when every session has ended and released its devices
     */
    public CompletableFuture<Void> closeSessions() {
        return CompletableFuture.allOf(sessions().stream().map(ServerSession::close).toArray(CompletableFuture[]::new));
    }

    /** Same as {@link #closeSessions()}, without waiting. */
    @Override
    public void close() {
        closeSessions();
    }

    /** Settings of a {@link ButtplugServer}. Not thread-safe. */
    public static final class Builder {
        private final DeviceManager manager;
        private String name = "buttplug-java";
        private Duration maxPingTime = Duration.ZERO;
        private Duration handshakeTimeout = Duration.ofSeconds(30);
        private Duration commandTimeout = Duration.ofMillis(ServerSettings.DEFAULT_COMMAND_TIMEOUT_MS);
        private Scheduling scheduling = Scheduling.defaults();
        private int maxFrameChars = 1 << 20;
        private MessageLimits limits = MessageLimits.DEFAULT;

        private Builder(DeviceManager manager) {
            this.manager = Objects.requireNonNull(manager, "manager");
        }

        /**
         * The name sent in ServerInfo (default {@code buttplug-java}).
         *
         * @param name the server name; a client may show it
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * MaxPingTime (default zero = no ping required); whole milliseconds.
         *
         * @param maxPingTime 0..4,294,967,295 ms; {@link Duration#ZERO} for none
         * @return this builder
         * @throws IllegalArgumentException when negative or above 2^32 - 1 ms
         */
        public Builder maxPingTime(Duration maxPingTime) {
            if (maxPingTime.isNegative() || maxPingTime.toMillis() > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("MaxPingTime must be within 0..4294967295 ms");
            }
            this.maxPingTime = maxPingTime;
            return this;
        }

        /**
         * How long a connection may wait before sending RequestServerInfo (default 30 s; zero =
         * forever). When it passes, the client gets Error code 1 (ERROR_INIT) with Id 0 and the
         * connection is closed, so idle connections hold nothing.
         *
         * @param timeout the longest wait for RequestServerInfo, not negative
         * @return this builder
         * @throws IllegalArgumentException when negative
         */
        public Builder handshakeTimeout(Duration timeout) {
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("handshake timeout must not be negative");
            }
            this.handshakeTimeout = timeout;
            return this;
        }

        /**
         * The longest a request waits for its devices (default 10 s); then it is answered with
         * Error code 4 (ERROR_DEVICE) saying the device did not answer, so no request waits
         * without a reply however a device (or a remote agent) behaves.
         *
         * @param timeout the longest wait for a request's devices, positive
         * @return this builder
         * @throws IllegalArgumentException when zero or negative
         */
        public Builder commandTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("command timeout must be positive");
            }
            this.commandTimeout = timeout;
            return this;
        }

        /**
         * Where sessions run (each serially) and how they keep time: handshake, ping and command
         * deadlines, message rates (default {@link Scheduling#defaults()}).
         *
         * @param scheduling the executor, scheduler and clock of every session
         * @return this builder
         */
        public Builder scheduling(Scheduling scheduling) {
            this.scheduling = Objects.requireNonNull(scheduling, "scheduling");
            return this;
        }

        /**
         * The executor sessions run on (each session serially); default a shared daemon pool.
         * Same as {@code scheduling(scheduling.withExecutor(executor))}.
         *
         * @param executor runs the sessions' work; each session uses it through its own serial
         *         executor
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.scheduling = scheduling.withExecutor(executor);
            return this;
        }

        /**
         * The timer for deadlines; its tasks only hand off to sessions. Same as
         * {@code scheduling(scheduling.withScheduler(timers))}.
         *
         * @param timers schedules the handshake, ping and command deadlines
         * @return this builder
         */
        public Builder timers(ScheduledExecutorService timers) {
            this.scheduling = scheduling.withScheduler(timers);
            return this;
        }

        /**
         * The largest frame accepted, in chars (default 1 MiB); larger ones get ERROR_MSG.
         *
         * @param maxFrameChars the longest frame accepted, in chars, at least 64
         * @return this builder
         * @throws IllegalArgumentException when below 64
         */
        public Builder maxFrameChars(int maxFrameChars) {
            if (maxFrameChars < 64) {
                throw new IllegalArgumentException("maxFrameChars must be at least 64");
            }
            this.maxFrameChars = maxFrameChars;
            return this;
        }

        /**
         * What each client may make its session hold and do (default {@link MessageLimits#DEFAULT}:
         * 64 messages per frame, 1,000 messages/s with bursts of 2,000, 256 frames or 4 MiB
         * waiting). See {@link ServerSession} and {@code docs/LIMITS.md}.
         *
         * @param limits the per-client limits
         * @return this builder
         */
        public Builder limits(MessageLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * The server.
         *
         * @return a new server with these settings; later changes to this builder do not affect it
         */
        public ButtplugServer build() {
            return new ButtplugServer(this);
        }
    }
}
