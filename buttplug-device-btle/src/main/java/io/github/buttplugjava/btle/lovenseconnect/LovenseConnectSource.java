package io.github.buttplugjava.btle.lovenseconnect;

import io.github.buttplugjava.btle.config.DeviceConfiguration;
import io.github.buttplugjava.btle.internal.DeviceLayer;
import io.github.buttplugjava.btle.internal.HandlerDevices;
import io.github.buttplugjava.btle.internal.SourceState;
import io.github.buttplugjava.btle.lovenseconnect.internal.ConnectHttpClient;
import io.github.buttplugjava.btle.lovenseconnect.internal.ConnectToy;
import io.github.buttplugjava.btle.lovenseconnect.internal.ConnectToyPeripheral;
import io.github.buttplugjava.btle.protocol.Protocols;
import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.PeerText;
import io.github.buttplugjava.core.device.DeviceSource;
import io.github.buttplugjava.core.device.DeviceSourceListener;
import io.github.buttplugjava.core.internal.SharedExecutors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The toys connected to the Lovense app on one host, driven through the app's LAN HTTP API with
 * the {@code lovense-connect-service} protocol of the device configuration (outputs per the
 * configuration's entry for the toy's model), behind the same device layer as BLE devices.
 *
 * <p>Scanning asks the app for its toys ({@code GET /GetToys}) and then polls it every poll
 * interval until the source is closed: connected toys become devices while scanning; a toy the app
 * no longer lists as connected is removed, and when the app goes away (connection refused, no
 * answer within the request timeout, a bad answer) all its toys are removed. Commands of a removed
 * toy fail with a {@link ButtplugDeviceException}. Every request has a timeout and every answer a
 * size cap. Closing stops every toy's outputs first (waiting at most {@link #STOP_TIMEOUT}), then
 * ends the polling. Listener events arrive serially on the executor. Thread-safe.
 *
 * <pre>{@code
 * DeviceSource connect = new LovenseConnectSource(LovenseConnectHost.parse("192.168.1.20:20010"),
 *         DeviceConfiguration.bundled());
 * }</pre>
 */
public final class LovenseConnectSource implements DeviceSource {

    private static final Logger log = LoggerFactory.getLogger(LovenseConnectSource.class);

    /** The protocol of the device configuration that describes Lovense Connect toys. */
    public static final String PROTOCOL = "lovense-connect-service";
    /** How often the app is asked for its toys by default (as the reference does). */
    public static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    /** How long a request to the app may take by default. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);
    /** How long closing waits for a toy's stop commands. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(3);
    /** The most toys one source drives. */
    public static final int MAX_TOYS = 64;

    private final LovenseConnectHost host;
    private final ScheduledExecutorService scheduler;
    private final Duration pollInterval;
    private final ConnectHttpClient client;
    private final SourceState state;
    private final HandlerDevices<String, ConnectToyPeripheral> toys;
    private volatile boolean scanning;
    private ScheduledFuture<?> polling;
    private CompletableFuture<Void> refreshing;

    /**
     * A source for the app on {@code host}, with the built-in protocols, the shared workers and
     * timer, {@link #POLL_INTERVAL} and {@link #REQUEST_TIMEOUT}.
     *
     * @param host where the app's API listens
     * @param configuration the device configuration (needs the {@code lovense-connect-service} protocol)
     * @throws IllegalArgumentException when the configuration has no {@code lovense-connect-service} protocol
     */
    public LovenseConnectSource(LovenseConnectHost host, DeviceConfiguration configuration) {
        this(host, configuration, Protocols.builtIn(), ForkJoinPool.commonPool(), SharedExecutors.timers(),
                System::nanoTime, POLL_INTERVAL, REQUEST_TIMEOUT);
    }

    /**
     * A source with its threads, clock and times given.
     *
     * @param host where the app's API listens
     * @param configuration the device configuration (needs the {@code lovense-connect-service} protocol)
     * @param protocols the protocol handlers
     * @param executor runs listener events, the HTTP client and the toys' commands
     * @param scheduler runs the polling and the device layer's timers
     * @param nanoTime the clock of idle times
     * @param pollInterval how often the app is asked for its toys, at least 100 ms
     * @param requestTimeout how long one request may take, positive
     * @throws IllegalArgumentException when the configuration has no {@code lovense-connect-service}
     *         protocol or handler, or a time is out of range
     */
    public LovenseConnectSource(LovenseConnectHost host, DeviceConfiguration configuration, Protocols protocols,
                                Executor executor, ScheduledExecutorService scheduler, LongSupplier nanoTime,
                                Duration pollInterval, Duration requestTimeout) {
        this.host = Objects.requireNonNull(host, "host");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (pollInterval.compareTo(Duration.ofMillis(100)) < 0) {
            throw new IllegalArgumentException("poll interval must be at least 100 ms, got " + pollInterval);
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("request timeout must be positive, got " + requestTimeout);
        }
        if (configuration.protocol(PROTOCOL).isEmpty() || protocols.factory(PROTOCOL).isEmpty()) {
            throw new IllegalArgumentException("the device configuration or the protocols lack " + PROTOCOL);
        }
        this.client = new ConnectHttpClient(host.uri(), requestTimeout, executor);
        this.state = new SourceState(executor);
        this.toys = new HandlerDevices<>(state, new DeviceLayer(configuration, protocols, executor, scheduler, nanoTime),
                STOP_TIMEOUT, log);
    }

    @Override
    public String name() {
        return "lovense-connect";
    }

    @Override
    public void start(DeviceSourceListener listener) {
        state.start(listener);
    }

    /**
     * Asks the app for its toys now and starts polling it; listeners hear {@code scanningFinished}
     * once the first answer's toys were tried.
     *
     * @return completes at once
     */
    @Override
    public CompletableFuture<Void> startScanning() {
        return state.scan(this::scanAndPoll);
    }

    private CompletableFuture<Void> scanAndPoll() {
        synchronized (this) {
            if (state.isClosed()) { // closeAsync cancels the polling under this lock
                return CompletableFuture.failedFuture(new ButtplugDeviceException("device source is closed"));
            }
            scanning = true;
            if (polling == null) {
                long every = pollInterval.toNanos();
                polling = scheduler.scheduleWithFixedDelay(this::refresh, every, every, TimeUnit.NANOSECONDS);
            }
        }
        refresh().whenComplete((v, e) -> state.scanningFinished());
        return CompletableFuture.completedFuture(null);
    }

    /**
     * New toys are no longer added; the polling goes on (to notice toys and the app going away)
     * until the source is closed.
     *
     * @return completes at once
     */
    @Override
    public CompletableFuture<Void> stopScanning() {
        scanning = false;
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Asks the app for its toys once (the polling calls this): adds connected toys while scanning,
     * removes toys it no longer lists as connected, updates battery levels; removes every toy when
     * the app does not answer. At most one runs at a time: a call during another returns that one.
     *
     * @return completes when the answer was handled and the new toys were tried; never fails
     */
    public CompletableFuture<Void> refresh() {
        CompletableFuture<Void> mine;
        synchronized (this) {
            if (!state.isRunning()) {
                return CompletableFuture.completedFuture(null);
            }
            if (refreshing != null) {
                return refreshing;
            }
            refreshing = new CompletableFuture<>();
            mine = refreshing;
        }
        client.toys()
                .handle((list, error) -> error != null ? appGone(error) : update(list))
                .thenCompose(openings -> openings)
                .whenComplete((v, e) -> {
                    if (e != null) {
                        log.warn("Lovense Connect at {}: refresh failed", host, e);
                    }
                    synchronized (this) {
                        refreshing = null;
                    }
                    mine.complete(null);
                });
        return mine;
    }

    private CompletableFuture<Void> appGone(Throwable error) {
        Throwable c = error.getCause() != null ? error.getCause() : error;
        Map<String, ConnectToyPeripheral> known = toys.peripherals();
        if (!known.isEmpty()) {
            log.info("Lovense Connect at {} is gone, removing its toys: {}", host, PeerText.error(String.valueOf(c.getMessage())));
        } else {
            log.debug("Lovense Connect at {} does not answer: {}", host, c.getMessage());
        }
        known.values().forEach(toy -> toy.lost("the app does not answer"));
        return CompletableFuture.completedFuture(null);
    }

    private CompletableFuture<Void> update(List<ConnectToy> list) {
        Set<String> connected = new HashSet<>();
        List<CompletableFuture<Void>> tries = new ArrayList<>();
        for (ConnectToy toy : list) {
            if (!toy.connected()) {
                continue;
            }
            connected.add(toy.id());
            Optional<ConnectToyPeripheral> known = toys.peripheral(toy.id());
            if (known.isPresent()) {
                known.get().battery(toy.battery());
            } else if (scanning && toys.reserve(toy.id(), MAX_TOYS)) {
                tries.add(toys.open(toy.id(), "Lovense Connect toy " + PeerText.forLog(toy.id(), PeerText.MAX_NAME)
                                + " (" + PeerText.forLog(toy.name(), PeerText.MAX_NAME) + ")",
                        CompletableFuture.completedFuture(new ConnectToyPeripheral(toy, client)),
                        ConnectToyPeripheral.specifier(), PROTOCOL));
            }
        }
        toys.peripherals().forEach((id, toy) -> {
            if (!connected.contains(id)) {
                toy.lost("the app no longer lists it as connected");
            }
        });
        return CompletableFuture.allOf(tries.toArray(CompletableFuture[]::new));
    }

    /** Stops every toy and ends the polling (each toy reported removed); does not wait. */
    @Override
    public void close() {
        closeAsync();
    }

    /**
     * Stops every toy's outputs (waiting at most {@link #STOP_TIMEOUT} for those commands), then
     * removes the toys and ends the polling. Idempotent: every call returns the same future.
     *
     * @return completes when every toy was stopped or timed out; never fails
     */
    public CompletableFuture<Void> closeAsync() {
        return state.close(() -> {
            synchronized (this) {
                scanning = false;
                if (polling != null) {
                    polling.cancel(false);
                }
            }
            return toys.stopAll();
        });
    }

    @Override
    public String toString() {
        return "LovenseConnectSource[" + host + "]";
    }
}
