package io.github.buttplugjava.core.client;

import io.github.buttplugjava.core.ButtplugException;
import io.github.buttplugjava.core.ButtplugHandshakeException;
import io.github.buttplugjava.core.ButtplugMessageException;
import io.github.buttplugjava.core.ButtplugPingException;
import io.github.buttplugjava.core.codec.ClientCodec;
import io.github.buttplugjava.core.codec.DecodeException;
import io.github.buttplugjava.core.codec.SpecVersion;
import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.ConnectorException;
import io.github.buttplugjava.core.connector.MessageLimits;
import io.github.buttplugjava.core.internal.SerialExecutor;
import io.github.buttplugjava.core.internal.SharedExecutors;
import io.github.buttplugjava.core.message.ClientMessage;
import io.github.buttplugjava.core.message.DeviceInfo;
import io.github.buttplugjava.core.message.DeviceList;
import io.github.buttplugjava.core.message.ErrorCode;
import io.github.buttplugjava.core.message.ErrorMessage;
import io.github.buttplugjava.core.message.InputReading;
import io.github.buttplugjava.core.message.Ok;
import io.github.buttplugjava.core.message.Ping;
import io.github.buttplugjava.core.message.RequestDeviceList;
import io.github.buttplugjava.core.message.RequestServerInfo;
import io.github.buttplugjava.core.message.ScanningFinished;
import io.github.buttplugjava.core.message.ServerInfo;
import io.github.buttplugjava.core.message.ServerMessage;
import io.github.buttplugjava.core.message.StartScanning;
import io.github.buttplugjava.core.message.StopCmd;
import io.github.buttplugjava.core.message.StopScanning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

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
 * never on the connector's I/O thread; do not block there.
 */
public final class ButtplugClient {

    private static final Logger log = LoggerFactory.getLogger(ButtplugClient.class);
    private static final String DISCONNECTED_BY_CLIENT = "Disconnected by the client";

    /** Default most devices a server may list: {@value}. */
    public static final int DEFAULT_MAX_DEVICES = 1024;

    /** Default most features of one device: {@value}. */
    public static final int DEFAULT_MAX_FEATURES_PER_DEVICE = 128;

    private static final Duration DEFAULT_MIN_PING_INTERVAL = Duration.ofMillis(100);

    private final String name;
    private final SpecVersion preferred;
    private final boolean fallbackToV3;
    private final Duration requestTimeout;
    private final SerialExecutor serial;
    private final ScheduledExecutorService timers;
    private final int maxFrameChars;
    private final MessageLimits limits;
    private final int maxDevices;
    private final int maxFeaturesPerDevice;
    private final Duration minPingInterval;
    private final List<ButtplugClientListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Integer, ButtplugClientDevice> devices = new ConcurrentSkipListMap<>();
    private ClientConnection connection;
    private boolean handshaking;
    private volatile ServerInfo serverInfo;
    private ScheduledFuture<?> pinger;

    private ButtplugClient(Builder builder) {
        this.name = builder.name;
        this.preferred = builder.specVersion;
        this.fallbackToV3 = builder.fallbackToV3;
        this.requestTimeout = builder.requestTimeout;
        this.serial = new SerialExecutor(builder.executor);
        this.timers = builder.timers;
        this.maxFrameChars = builder.maxFrameChars;
        this.limits = builder.limits;
        this.maxDevices = builder.maxDevices;
        this.maxFeaturesPerDevice = builder.maxFeaturesPerDevice;
        this.minPingInterval = builder.minPingInterval;
    }

    /** A builder for a client that tells servers {@code name}. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Registers a listener. */
    public void addListener(ButtplugClientListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Unregisters a listener. */
    public void removeListener(ButtplugClientListener listener) {
        listeners.remove(listener);
    }

    /**
     * Connects, handshakes and reads the device list (each device also goes to
     * {@link ButtplugClientListener#deviceAdded}).
     *
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
                    serial, timers, requestTimeout, limits, new ConnectionEvents());
            connection = conn;
            handshaking = true;
            serverInfo = null;
            conn.open()
                    .thenComposeAsync(v -> handshake(conn), serial)
                    .thenComposeAsync(info -> afterHandshake(conn, info), serial)
                    .whenCompleteAsync((v, error) -> {
                        handshaking = false;
                        if (error == null) {
                            ready.complete(null);
                            return;
                        }
                        Throwable cause = unwrap(error);
                        conn.close(cause instanceof ButtplugException b ? b : new ConnectorException("Connect failed", cause));
                        ready.completeExceptionally(cause);
                    }, serial);
        });
        return ready;
    }

    /**
     * Closes the connection. The server stops what this client drove (ours does; the spec asks
     * every server to). Completes when closed; never fails.
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

    /** Whether the client is connected and past the handshake. */
    public boolean isConnected() {
        return serverInfo != null;
    }

    /** The server's ServerInfo (name, version, MaxPingTime) while connected. */
    public Optional<ServerInfo> serverInfo() {
        return Optional.ofNullable(serverInfo);
    }

    /** The devices known now, by index. */
    public List<ButtplugClientDevice> devices() {
        return List.copyOf(devices.values());
    }

    /** The device with this index, if known. */
    public Optional<ButtplugClientDevice> device(int index) {
        return Optional.ofNullable(devices.get(index));
    }

    /** Asks the server to scan; found devices go to {@link ButtplugClientListener#deviceAdded}. */
    public CompletableFuture<Void> startScanning() {
        return request(new StartScanning(1)).thenApply(reply -> null);
    }

    /** Asks the server to stop scanning. */
    public CompletableFuture<Void> stopScanning() {
        return request(new StopScanning(1)).thenApply(reply -> null);
    }

    /** Stops every output of every device (StopCmd; StopAllDevices before v4). */
    public CompletableFuture<Void> stopAll() {
        return request(StopCmd.all(1)).thenApply(reply -> null);
    }

    /** Sends a Ping now (the client also pings on its own when the server asks for it). */
    public CompletableFuture<Void> ping() {
        return request(new Ping(1)).thenApply(reply -> null);
    }

    /**
     * Sends one v4 request (its Id is replaced) and completes with the reply. Fails as described
     * on the class; a reply of an unexpected type is returned as is.
     */
    public CompletableFuture<ServerMessage> request(ClientMessage message) {
        Objects.requireNonNull(message, "message");
        CompletableFuture<ServerMessage> reply = new CompletableFuture<>();
        serial.execute(() -> {
            if (connection == null || (!handshaking && serverInfo == null)) {
                reply.completeExceptionally(new ConnectorException("Not connected"));
                return;
            }
            connection.request(message).whenComplete((r, e) -> {
                if (e == null) {
                    reply.complete(r);
                } else {
                    reply.completeExceptionally(unwrap(e));
                }
            });
        });
        return reply;
    }

    private CompletableFuture<ServerInfo> handshake(ClientConnection conn) {
        SpecVersion version = conn.codec().version();
        return conn.request(new RequestServerInfo(1, name, version.major(), 0)).handleAsync((reply, error) -> {
            if (error != null) {
                Throwable cause = unwrap(error);
                // a v3 server answers a v4 RequestServerInfo with an Error, or drops it unanswered
                boolean refused = cause instanceof ButtplugException b
                        && (b.code() != ErrorCode.UNKNOWN || b instanceof ButtplugTimeoutException);
                if (version == SpecVersion.V4 && fallbackToV3 && refused && conn.isOpen()) {
                    log.info("server did not take a v4 handshake ({}); retrying as v3", cause.getMessage());
                    conn.useCodec(new ClientCodec(SpecVersion.V3, maxFrameChars));
                    return handshake(conn);
                }
                return CompletableFuture.<ServerInfo>failedFuture(cause);
            }
            if (!(reply instanceof ServerInfo info)) {
                return CompletableFuture.<ServerInfo>failedFuture(
                        new ButtplugHandshakeException("Expected ServerInfo, got " + reply.messageName()));
            }
            if (info.protocolVersionMajor() > version.major()) {
                return CompletableFuture.<ServerInfo>failedFuture(new ButtplugHandshakeException(
                        "Server answered spec v" + info.protocolVersionMajor() + " to a v" + version.major() + " client"));
            }
            if (info.protocolVersionMajor() < version.major()) {
                SpecVersion older = SpecVersion.ofMajor(info.protocolVersionMajor()).orElseThrow();
                log.info("server speaks spec v{}; continuing at that version", older.major());
                conn.useCodec(new ClientCodec(older, maxFrameChars));
            }
            return CompletableFuture.completedFuture(info);
        }, serial).thenCompose(f -> f);
    }

    private CompletableFuture<Void> afterHandshake(ClientConnection conn, ServerInfo info) {
        log.info("connected to '{}' (spec v{}, MaxPingTime {} ms)", info.serverName(),
                conn.codec().version().major(), info.maxPingTimeMs());
        serverInfo = info;
        startPinging(conn, info.maxPingTimeMs());
        return conn.request(new RequestDeviceList(1)).thenAcceptAsync(reply -> {
            if (reply instanceof DeviceList list) {
                if (!withinCaps(conn, list)) {
                    throw new ButtplugMessageException("The server's device list is over this client's caps");
                }
                applyDeviceList(list);
            } else {
                throw new ButtplugMessageException("Expected DeviceList, got " + reply.messageName());
            }
        }, serial);
    }

    private void startPinging(ClientConnection conn, long maxPingMs) {
        if (maxPingMs <= 0) {
            return;
        }
        // every third of MaxPingTime rather than the spec's suggested half: one late ping on a busy
        // machine then does not cost the link (a strict server pings out MaxPingTime after the last)
        long period = Math.max(minPingInterval.toMillis(), Math.max(1, maxPingMs / 3));
        if (period > maxPingMs) {
            log.warn("the server asks for a ping every {} ms; this client pings at most every {} ms",
                    maxPingMs, period);
        }
        pinger = timers.scheduleAtFixedRate(() -> serial.execute(() -> {
            if (connection != conn || !conn.isOpen()) {
                return;
            }
            conn.request(new Ping(1)).whenCompleteAsync((reply, error) -> {
                if (error != null && conn.isOpen()) {
                    Throwable cause = unwrap(error);
                    log.warn("ping failed: {}", cause.getMessage());
                    conn.close(new ButtplugPingException("Ping failed: " + cause.getMessage()));
                }
            }, serial);
        }), period, period, TimeUnit.MILLISECONDS);
    }

    /** Whether the list is within this client's caps; if not, the link is aborted with the reason. */
    private boolean withinCaps(ClientConnection conn, DeviceList list) {
        String violation = null;
        if (list.devices().size() > maxDevices) {
            violation = "The server announced " + list.devices().size() + " devices; this client takes at most "
                    + maxDevices;
        } else {
            for (DeviceInfo info : list.devices()) {
                if (info.features().size() > maxFeaturesPerDevice) {
                    violation = "The server announced a device with " + info.features().size()
                            + " features; this client takes at most " + maxFeaturesPerDevice;
                    break;
                }
            }
        }
        if (violation == null) {
            return true;
        }
        log.warn("{}: closing the connection", violation);
        conn.abort(new ButtplugMessageException(violation));
        return false;
    }

    private void applyDeviceList(DeviceList list) {
        Set<Integer> listed = new HashSet<>();
        for (DeviceInfo info : list.devices()) {
            listed.add(info.deviceIndex());
        }
        for (ButtplugClientDevice known : List.copyOf(devices.values())) {
            if (!listed.contains(known.index())) {
                devices.remove(known.index());
                known.markGone();
                notifyListeners(l -> l.deviceRemoved(known));
            }
        }
        for (DeviceInfo info : list.devices()) {
            ButtplugClientDevice known = devices.get(info.deviceIndex());
            if (known != null && known.info().equals(info)) {
                continue;
            }
            if (known != null) {
                devices.remove(info.deviceIndex());
                known.markGone();
                notifyListeners(l -> l.deviceRemoved(known));
            }
            ButtplugClientDevice device = new ButtplugClientDevice(this, info);
            devices.put(info.deviceIndex(), device);
            notifyListeners(l -> l.deviceAdded(device));
        }
    }

    private void notifyListeners(Consumer<ButtplugClientListener> call) {
        for (ButtplugClientListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                log.warn("client listener failed", e);
            }
        }
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Routes one connection's events; events of a replaced connection are dropped. */
    private final class ConnectionEvents implements ClientConnection.Events {
        @Override
        public void event(ClientConnection conn, ServerMessage message) {
            if (conn != connection) {
                return;
            }
            if (message instanceof DeviceList list) {
                if (withinCaps(conn, list)) {
                    applyDeviceList(list);
                }
            } else if (message instanceof ScanningFinished) {
                notifyListeners(ButtplugClientListener::scanningFinished);
            } else if (message instanceof InputReading reading) {
                ButtplugClientDevice device = devices.get(reading.deviceIndex());
                if (device != null) {
                    device.deliver(reading);
                    notifyListeners(l -> l.inputReading(device, reading));
                }
            } else if (message instanceof ErrorMessage error) {
                ButtplugException exception = ButtplugException.fromErrorMessage(error);
                notifyListeners(l -> l.error(exception));
                if (error.code() == ErrorCode.PING) {
                    conn.close(exception);
                }
            } else if (!(message instanceof Ok)) {
                log.debug("unexpected message from the server: {}", message);
            }
        }

        @Override
        public Optional<List<ServerMessage>> undecodable(ClientConnection conn, String frame, DecodeException error) {
            if (!handshaking || !fallbackToV3 || conn.codec().version() != SpecVersion.V4) {
                return Optional.empty();
            }
            ClientCodec v3 = new ClientCodec(SpecVersion.V3, maxFrameChars);
            try {
                List<ServerMessage> messages = v3.decode(frame);
                if (messages.stream().anyMatch(m -> m instanceof ServerInfo)) {
                    log.info("server answered the v4 handshake in v3 form; continuing as v3");
                    conn.useCodec(v3);
                    return Optional.of(messages);
                }
                if (messages.stream().anyMatch(m -> m instanceof ErrorMessage)) {
                    return Optional.of(messages);
                }
            } catch (DecodeException e) {
                log.debug("not a v3 frame either: {}", e.getMessage());
            }
            return Optional.empty();
        }

        @Override
        public void closed(ClientConnection conn, Throwable cause) {
            if (conn != connection) {
                return;
            }
            if (pinger != null) {
                pinger.cancel(false);
                pinger = null;
            }
            boolean wasReady = serverInfo != null;
            serverInfo = null;
            for (ButtplugClientDevice device : List.copyOf(devices.values())) {
                devices.remove(device.index());
                device.markGone();
                notifyListeners(l -> l.deviceRemoved(device));
            }
            if (wasReady) {
                log.info("disconnected: {}", cause == null ? "closed" : cause.getMessage());
                Throwable reported = cause instanceof ConnectorException c && DISCONNECTED_BY_CLIENT.equals(c.getMessage())
                        ? null : cause;
                notifyListeners(l -> l.disconnected(reported));
            }
        }
    }

    /** Settings of a {@link ButtplugClient}. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private SpecVersion specVersion = SpecVersion.V4;
        private boolean fallbackToV3 = true;
        private Duration requestTimeout = Duration.ofSeconds(10);
        private Executor executor = SharedExecutors.workers();
        private ScheduledExecutorService timers = SharedExecutors.timers();
        private int maxFrameChars = 1 << 20;
        private MessageLimits limits = MessageLimits.DEFAULT;
        private int maxDevices = DEFAULT_MAX_DEVICES;
        private int maxFeaturesPerDevice = DEFAULT_MAX_FEATURES_PER_DEVICE;
        private Duration minPingInterval = DEFAULT_MIN_PING_INTERVAL;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** The spec version to handshake with: V4 (default, falls back to V3) or V3. */
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
         */
        public Builder fallbackToV3(boolean fallback) {
            this.fallbackToV3 = fallback;
            return this;
        }

        /** The deadline of every request (default 10 s). */
        public Builder requestTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("request timeout must be positive");
            }
            this.requestTimeout = timeout;
            return this;
        }

        /** The executor for futures and listeners (used serially); default a shared daemon pool. */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** The timer for deadlines and pings; its tasks only hand off. */
        public Builder timers(ScheduledExecutorService timers) {
            this.timers = Objects.requireNonNull(timers, "timers");
            return this;
        }

        /** The largest frame read, in chars (default 1 MiB). */
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
         */
        public Builder limits(MessageLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Most devices the server may list (default {@value ButtplugClient#DEFAULT_MAX_DEVICES});
         * a longer list aborts the connection with the reason.
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
         */
        public Builder minPingInterval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("minPingInterval must be positive");
            }
            this.minPingInterval = interval;
            return this;
        }

        /** The client. */
        public ButtplugClient build() {
            return new ButtplugClient(this);
        }
    }
}
