package io.github.buttplugjava.core.client;

import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.core.ButtplugException;
import io.github.buttplugjava.core.ButtplugHandshakeException;
import io.github.buttplugjava.core.ButtplugMessageException;
import io.github.buttplugjava.core.codec.ClientCodec;
import io.github.buttplugjava.core.codec.DecodeException;
import io.github.buttplugjava.core.codec.SpecVersion;
import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.ConnectorException;
import io.github.buttplugjava.core.connector.MessageLimits;
import io.github.buttplugjava.core.internal.SerialExecutor;
import io.github.buttplugjava.core.message.ClientMessage;
import io.github.buttplugjava.core.message.DeviceList;
import io.github.buttplugjava.core.message.Ping;
import io.github.buttplugjava.core.message.RequestDeviceList;
import io.github.buttplugjava.core.message.ServerInfo;
import io.github.buttplugjava.core.message.ServerMessage;
import io.github.buttplugjava.core.message.StartScanning;
import io.github.buttplugjava.core.message.StopCmd;
import io.github.buttplugjava.core.message.StopScanning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A Buttplug client over any {@link ButtplugConnector}.
 *
 * <pre>{@code
 * ButtplugClient client = ButtplugClient.builder("My App").build();
 * client.addListener(new ButtplugClientListener() {
 *     public void deviceAdded(ButtplugClientDevice device) { device.vibrate(0.5); }
 * });
 * client.connect(connector).thenCompose(v -> client.startScanning());
 * }</pre>
 *
 * <p>{@link #connect} handshakes as spec v4 (or the version set with
 * {@link Builder#specVersion}) and falls back to v3 when the server is older: it answers the v4
 * request with an Error or not at all within the request deadline (the request is then repeated as
 * v3 on the same connection), or with a v3 ServerInfo. It then asks for the device list. With a MaxPingTime the client pings every MaxPingTime/3 (more often than the spec's suggested half, to leave slack for a busy machine).
 *
 * <p>Every request has a deadline ({@link Builder#requestTimeout}, default 10 s) and fails with
 * {@link ButtplugTimeoutException} when it passes; when the connection drops every waiting request
 * fails at once with {@link ConnectorException}; server Errors fail it with the
 * {@link ButtplugException} subclass of their code. After a drop or {@link #disconnect()},
 * {@code connect} works again with a new connector.
 *
 * <p>Thread-safe. Futures complete, and listeners are called, serially on the client's executor,
 * never on the connector's I/O thread; do not block there. A request made while the client is idle
 * is encoded and handed to the connector on the calling thread (no thread is woken for it); when
 * the server answers during that hand-off (an in-process server whose devices answered at once),
 * the returned future is already complete, and what you chain on it runs on your thread, as with any
 * completed future. Listeners and the futures of other requests are never completed on your
 * thread.
 */
public final class ButtplugClient {

    private static final Logger log = LoggerFactory.getLogger(ButtplugClient.class);
    private static final String DISCONNECTED_BY_CLIENT = "Disconnected by the client";

    /** Default most devices a server may list: {@value}. */
    public static final int DEFAULT_MAX_DEVICES = 1024;

    /** Default most features of one device: {@value}. */
    public static final int DEFAULT_MAX_FEATURES_PER_DEVICE = 128;

    private static final Duration DEFAULT_MIN_PING_INTERVAL = Duration.ofMillis(100);

    private final SpecVersion preferred;
    private final Duration requestTimeout;
    private final SerialExecutor serial;
    private final Scheduling scheduling;
    private final int maxFrameChars;
    private final MessageLimits limits;
    private final ListenerFanOut listeners = new ListenerFanOut();
    private final DeviceRoster roster;
    private final String name;
    private final boolean fallbackToV3;
    /** The handshake under way (the client is handshaking), or null (an idle client holds none); on the serial executor. */
    private Handshake handshake;
    /** The automatic pings, or null when the caller pings ({@link Builder#automaticPings}). */
    private final Pinger pinger;
    private final EventRouter router;
    private ClientConnection connection;
    private volatile ServerInfo serverInfo;

    private ButtplugClient(Builder builder) {
        this.preferred = builder.specVersion;
        this.requestTimeout = builder.requestTimeout;
        this.scheduling = builder.scheduling;
        this.serial = new SerialExecutor(scheduling.executor());
        this.maxFrameChars = builder.maxFrameChars;
        this.limits = builder.limits;
        this.roster = new DeviceRoster(builder.maxDevices, builder.maxFeaturesPerDevice,
                info -> new ButtplugClientDevice(this, info), listeners);
        this.name = builder.name;
        this.fallbackToV3 = builder.fallbackToV3;
        this.pinger = builder.automaticPings
                ? new Pinger(scheduling.scheduler(), serial, builder.minPingInterval, builder.pingInterval) : null;
        this.router = new EventRouter(roster, listeners);
    }

    /**
     * A builder for a client that tells servers {@code name}.
     *
     * @param name the client name sent in the handshake
     * @return a builder with the defaults
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * Registers a listener.
     *
     * @param listener called serially on the client's executor
     */
    public void addListener(ButtplugClientListener listener) {
        listeners.add(listener);
    }

    /**
     * Unregisters a listener.
     *
     * @param listener a listener registered before; others are ignored
     */
    public void removeListener(ButtplugClientListener listener) {
        listeners.remove(listener);
    }

    /**
     * Connects, handshakes and reads the device list (each device also goes to
     * {@link ButtplugClientListener#deviceAdded}).
     *
     * @param connector the pipe to the server; not yet connected
     * @return completes when ready; fails with {@link ButtplugHandshakeException} when the server
     *         refuses, {@link ConnectorException} when the pipe cannot open or closes,
     *         {@link ButtplugTimeoutException} when the server does not answer in time, or
     *         {@link ButtplugHandshakeException} when this client is already connected
     */
    public CompletableFuture<Void> connect(ButtplugConnector connector) {
        Objects.requireNonNull(connector, "connector");
        CompletableFuture<Void> ready = new CompletableFuture<>();
        serial.execute(() -> {
            if (connection != null && connection.isOpen()) {
                ready.completeExceptionally(new ButtplugHandshakeException("Already connected; disconnect first"));
                return;
            }
            ClientConnection conn = new ClientConnection(connector, new ClientCodec(preferred, maxFrameChars),
                    serial, scheduling, requestTimeout, limits, new ConnectionEvents());
            connection = conn;
            Handshake shake = new Handshake(name, fallbackToV3, maxFrameChars, serial);
            handshake = shake;
            serverInfo = null;
            conn.open()
                    .thenComposeAsync(v -> shake.run(conn), serial)
                    .thenComposeAsync(info -> afterHandshake(conn, info), serial)
                    .whenCompleteAsync((v, error) -> {
                        if (handshake == shake) {
                            handshake = null;
                        }
                        if (error == null) {
                            ready.complete(null);
                            return;
                        }
                        Throwable cause = Failures.unwrap(error);
                        conn.close(cause instanceof ButtplugException b ? b : new ConnectorException("Connect failed", cause));
                        ready.completeExceptionally(cause);
                    }, serial);
        });
        return ready;
    }

    /**
     * Closes the connection. The server stops what this client drove (ours does; the spec asks
     * every server to). Completes when closed; never fails.
     *
     * @return completes once the connection is closed (at once when there was none)
     */
    public CompletableFuture<Void> disconnect() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        serial.execute(() -> {
            ClientConnection conn = connection;
            if (conn != null && conn.isOpen()) {
                conn.close(new ConnectorException(DISCONNECTED_BY_CLIENT));
            }
            done.complete(null);
        });
        return done;
    }

    /**
     * Whether the client is connected and past the handshake.
     *
     * @return true while connected
     */
    public boolean isConnected() {
        return serverInfo != null;
    }

    /**
     * The server's ServerInfo (name, version, MaxPingTime) while connected.
     *
     * @return the ServerInfo, or empty when not connected
     */
    public Optional<ServerInfo> serverInfo() {
        return Optional.ofNullable(serverInfo);
    }

    /**
     * The devices known now, by index.
     *
     * @return a snapshot, ordered by device index
     */
    public List<ButtplugClientDevice> devices() {
        return roster.all();
    }

    /**
     * The device with this index, if known.
     *
     * @param index the server's device index
     * @return the device, or empty
     */
    public Optional<ButtplugClientDevice> device(int index) {
        return roster.get(index);
    }

    /**
     * Asks the server to scan; found devices go to {@link ButtplugClientListener#deviceAdded}.
     *
     * @return completes when the server accepted
     */
    public CompletableFuture<Void> startScanning() {
        return request(new StartScanning(1)).thenApply(reply -> null);
    }

    /**
     * Asks the server to stop scanning.
     *
     * @return completes when the server accepted
     */
    public CompletableFuture<Void> stopScanning() {
        return request(new StopScanning(1)).thenApply(reply -> null);
    }

    /**
     * Stops every output of every device (StopCmd; StopAllDevices before v4).
     *
     * @return completes when the server accepted
     */
    public CompletableFuture<Void> stopAll() {
        return request(StopCmd.all(1)).thenApply(reply -> null);
    }

    /**
     * Sends a Ping now (the client also pings on its own when the server asks for it, unless built
     * with {@link Builder#automaticPings automaticPings(false)}).
     *
     * @return completes when the server answered
     */
    public CompletableFuture<Void> ping() {
        return request(new Ping(1)).thenApply(reply -> null);
    }

    /**
     * Sends one v4 request (its Id is replaced) and completes with the reply. Fails as described
     * on the class; a reply of an unexpected type is returned as is.
     *
     * @param message the request, in its v4 form
     * @return the server's reply
     */
    public CompletableFuture<ServerMessage> request(ClientMessage message) {
        Objects.requireNonNull(message, "message");
        CompletableFuture<ServerMessage> reply = new CompletableFuture<>();
        // sent on this thread when the client is idle (no thread woken); the reply is taken here
        // too when the server answers during the send, since nobody holds the future yet
        serial.executeHere(() -> send(message, reply, true), () -> send(message, reply, false));
        return reply;
    }

    /** Runs on the serial executor (or here, holding it); completes {@code reply} with unwrapped failures. */
    private void send(ClientMessage message, CompletableFuture<ServerMessage> reply, boolean here) {
        ClientConnection conn = connection;
        if (conn == null || (handshake == null && serverInfo == null)) {
            reply.completeExceptionally(new ConnectorException("Not connected"));
        } else if (here) {
            conn.requestHere(message, reply);
        } else {
            conn.request(message, reply);
        }
    }

    private CompletableFuture<Void> afterHandshake(ClientConnection conn, ServerInfo info) {
        log.info("connected to '{}' (spec v{}, MaxPingTime {} ms)", info.serverName(),
                conn.codec().version().major(), info.maxPingTimeMs());
        serverInfo = info;
        if (pinger != null) {
            pinger.start(conn, info.maxPingTimeMs(), c -> c == connection);
        }
        // Applied where the reply completes: in the serial task that read it, before the next frame is
        // read. Applied later (a task queued behind frames already read), an unsolicited DeviceList that
        // followed the reply on the wire would be overwritten by the older reply, and a device the
        // server announced right after answering would vanish from this client for good.
        return conn.request(new RequestDeviceList(1)).thenAccept(reply -> {
            if (reply instanceof DeviceList list) {
                if (!router.withinCaps(conn, list)) {
                    throw new ButtplugMessageException("The server's device list is over this client's caps");
                }
                roster.apply(list);
            } else {
                throw new ButtplugMessageException("Expected DeviceList, got " + reply.messageName());
            }
        });
    }

    /** Hands one connection's events to their handlers; events of a replaced connection are dropped. */
    private final class ConnectionEvents implements ClientConnection.Events {
        @Override
        public void event(ClientConnection conn, ServerMessage message) {
            if (conn == connection) {
                router.route(conn, message);
            }
        }

        @Override
        public Optional<List<ServerMessage>> undecodable(ClientConnection conn, String frame, DecodeException error) {
            Handshake shake = handshake;
            return shake != null ? shake.readAsV3(conn, frame) : Optional.empty();
        }

        @Override
        public void closed(ClientConnection conn, Throwable cause) {
            if (conn != connection) {
                return;
            }
            if (pinger != null) {
                pinger.stop();
            }
            boolean wasReady = serverInfo != null;
            serverInfo = null;
            roster.clear();
            if (wasReady) {
                log.info("disconnected: {}", cause == null ? "closed" : cause.getMessage());
                Throwable reported = cause instanceof ConnectorException c && DISCONNECTED_BY_CLIENT.equals(c.getMessage())
                        ? null : cause;
                listeners.disconnected(reported);
            }
        }
    }

    /** Settings of a {@link ButtplugClient}. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private SpecVersion specVersion = SpecVersion.V4;
        private boolean fallbackToV3 = true;
        private Duration requestTimeout = Duration.ofSeconds(10);
        private Scheduling scheduling = Scheduling.defaults();
        private int maxFrameChars = 1 << 20;
        private MessageLimits limits = MessageLimits.DEFAULT;
        private int maxDevices = DEFAULT_MAX_DEVICES;
        private int maxFeaturesPerDevice = DEFAULT_MAX_FEATURES_PER_DEVICE;
        private Duration minPingInterval = DEFAULT_MIN_PING_INTERVAL;
        private Duration pingInterval;
        private boolean automaticPings = true;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * The spec version to handshake with: V4 (default, falls back to V3) or V3.
         *
         * @param version V4 or V3
         * @return this builder
         */
        public Builder specVersion(SpecVersion version) {
            if (version != SpecVersion.V4 && version != SpecVersion.V3) {
                throw new IllegalArgumentException("the client speaks spec v3 or v4");
            }
            this.specVersion = version;
            return this;
        }

        /**
         * Whether a v4 handshake that the server refuses, answers in v3 form or leaves unanswered
         * until the request deadline is retried as v3 on the same connection (default true). Turn it
         * off for a server known to speak v4: a slow v4 reply then fails the handshake plainly
         * instead of arriving after the switch to v3.
         *
         * @param fallback whether to fall back
         * @return this builder
         */
        public Builder fallbackToV3(boolean fallback) {
            this.fallbackToV3 = fallback;
            return this;
        }

        /**
         * The deadline of every request (default 10 s).
         *
         * @param timeout a positive deadline
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("request timeout must be positive");
            }
            this.requestTimeout = timeout;
            return this;
        }

        /**
         * Where futures and listeners run (serially) and how the client keeps time: request
         * deadlines, pings, message rates (default {@link Scheduling#defaults()}).
         *
         * @param scheduling the executor, scheduler and clock to use
         * @return this builder
         */
        public Builder scheduling(Scheduling scheduling) {
            this.scheduling = Objects.requireNonNull(scheduling, "scheduling");
            return this;
        }

        /**
         * The executor for futures and listeners (used serially); default a shared daemon pool.
         * Same as {@code scheduling(scheduling.withExecutor(executor))}.
         *
         * @param executor the executor to use serially
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.scheduling = scheduling.withExecutor(executor);
            return this;
        }

        /**
         * The timer for deadlines and pings; its tasks only hand off. Same as
         * {@code scheduling(scheduling.withScheduler(timers))}.
         *
         * @param timers the scheduler for deadlines and pings
         * @return this builder
         */
        public Builder timers(ScheduledExecutorService timers) {
            this.scheduling = scheduling.withScheduler(timers);
            return this;
        }

        /**
         * The largest frame read, in chars (default 1 MiB).
         *
         * @param maxFrameChars the largest frame, in chars
         * @return this builder
         */
        public Builder maxFrameChars(int maxFrameChars) {
            this.maxFrameChars = maxFrameChars;
            return this;
        }

        /**
         * What the server may make this client hold and do unasked (default
         * {@link MessageLimits#DEFAULT}). Replies to this client's requests are not counted
         * against the rate. Over the per-frame cap or the rate, the connection is aborted (a client
         * cannot refuse a server's events); over the queue bound, the link is paused when the
         * transport can, else aborted.
         *
         * @param limits the limits on what the server sends
         * @return this builder
         */
        public Builder limits(MessageLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Most devices the server may list (default {@value ButtplugClient#DEFAULT_MAX_DEVICES});
         * a longer list aborts the connection with the reason.
         *
         * @param max a positive cap
         * @return this builder
         */
        public Builder maxDevices(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxDevices must be positive");
            }
            this.maxDevices = max;
            return this;
        }

        /**
         * Most features one listed device may have (default
         * {@value ButtplugClient#DEFAULT_MAX_FEATURES_PER_DEVICE}); more abort the connection.
         *
         * @param max a positive cap
         * @return this builder
         */
        public Builder maxFeaturesPerDevice(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxFeaturesPerDevice must be positive");
            }
            this.maxFeaturesPerDevice = max;
            return this;
        }

        /**
         * The shortest interval between this client's automatic pings, whatever MaxPingTime the
         * server announces (default 100 ms): a server announcing 1 ms is pinged 10 times a
         * second, not 1,000.
         *
         * @param interval a positive shortest interval
         * @return this builder
         */
        public Builder minPingInterval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("minPingInterval must be positive");
            }
            this.minPingInterval = interval;
            return this;
        }

        /**
         * Pings every {@code interval} whatever MaxPingTime the server announces (default: none set,
         * the pings follow MaxPingTime). For a caller that keeps the server's ping watchdog fed by
         * other means, e.g. the hub of the share link, whose heartbeat reaches every agent, and
         * whose pings then only check that the agent still answers.
         *
         * @param interval a positive interval between pings
         * @return this builder
         */
        public Builder pingInterval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("pingInterval must be positive");
            }
            this.pingInterval = interval;
            return this;
        }

        /**
         * Whether this client pings the server on its own (default true: every third of the
         * server's MaxPingTime, or every {@link #pingInterval}). With false it sends no ping unless
         * asked through {@link ButtplugClient#ping()}: for a caller that keeps the server's ping
         * watchdog fed by other means and checks that the server answers on its own schedule, e.g.
         * a hub holding thousands of agent links, which beats and checks them all from one timer
         * instead of one timer per link. A server with a MaxPingTime stops such a client's devices
         * and drops it when nothing feeds its watchdog in time.
         *
         * @param automatic false to leave the pings to the caller
         * @return this builder
         */
        public Builder automaticPings(boolean automatic) {
            this.automaticPings = automatic;
            return this;
        }

        /**
         * The client.
         *
         * @return the client
         */
        public ButtplugClient build() {
            return new ButtplugClient(this);
        }
    }
}
