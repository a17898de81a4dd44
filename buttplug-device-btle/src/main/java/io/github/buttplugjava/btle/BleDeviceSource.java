package io.github.buttplugjava.btle;

import io.github.buttplugjava.btle.config.DeviceConfiguration;
import io.github.buttplugjava.btle.internal.RootCause;
import io.github.buttplugjava.btle.internal.SourceState;
import io.github.buttplugjava.core.internal.Deadlines;
import io.github.buttplugjava.btle.config.DeviceDefinition;
import io.github.buttplugjava.btle.config.ProtocolDefinition;
import io.github.buttplugjava.btle.protocol.Identification;
import io.github.buttplugjava.btle.protocol.ProtocolHandler;
import io.github.buttplugjava.btle.protocol.Protocols;
import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.core.device.DeviceSource;
import io.github.buttplugjava.core.device.DeviceSourceListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The devices of one BLE adapter: scans, matches advertisements against the
 * {@link DeviceConfiguration}, connects, identifies and initialises each device with its protocol
 * handler, and reports it to the listener.
 *
 * <p>A device whose handshake fails is logged, disconnected and skipped (never reported); an
 * advertisement may try it again after {@link #RETRY_AFTER}, or at once after the next
 * {@link #startScanning()}. A device that disconnects is reported removed.
 * Listener events arrive serially on the executor. The outputs of one client message
 * ({@link io.github.buttplugjava.core.device.Device#outputs}) are written as one batch, whatever the
 * timing; separate commands that a device receives within the batching window are written together
 * too (a later write for the same state replaces an earlier one). Handlers' periodic work and
 * settle times run on the source's scheduler and end when a device disconnects or the source closes.
 * Thread-safe.
 */
public final class BleDeviceSource implements DeviceSource {

    private static final Logger log = LoggerFactory.getLogger(BleDeviceSource.class);

    /** The default batching window. */
    public static final Duration DEFAULT_BATCH_WINDOW = Duration.ofMillis(5);

    /** How long closing waits for a device's stop commands to be written before it disconnects it anyway. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(3);

    /** How long a device whose set-up failed is left alone before an advertisement may retry it. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final BleAdapter adapter;
    private final DeviceConfiguration configuration;
    private final Protocols protocols;
    private final Executor executor;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier nanoTime;
    private final Scheduling deadlines;
    private final SourceState state;
    private final long batchWindowMs;
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    /** Address to when its set-up failed: it is tried again after {@link #RETRY_AFTER}, or on the next scan. */
    private final Map<String, Long> failed = new ConcurrentHashMap<>();
    private final Map<String, BleDevice> devices = new ConcurrentHashMap<>();

    /**
     * A source over an adapter.
     *
     * @param adapter       the BLE adapter (not closed by this source)
     * @param configuration the device configuration
     * @param protocols     the protocol handlers
     * @param scheduling    its executor runs listener events and batch flushes; its scheduler the
     *                      devices' periodic work, batching windows and stop deadlines; its
     *                      {@link Scheduling#nanoTime()} the idle times and the retry wait after a
     *                      failed set-up
     * @param batchWindow   how long a device gathers separate commands before writing them (0 = write
     *                      at once; the outputs of one message are one batch either way)
     */
    public BleDeviceSource(BleAdapter adapter, DeviceConfiguration configuration, Protocols protocols,
                           Scheduling scheduling, Duration batchWindow) {
        this(adapter, configuration, protocols, scheduling.executor(), scheduling.scheduler(), scheduling.nanoClock(),
                batchWindow);
    }

    /**
     * A source over an adapter, on {@link Scheduling#defaults()} with {@code executor}.
     *
     * @param adapter       the BLE adapter (not closed by this source)
     * @param configuration the device configuration
     * @param protocols     the protocol handlers
     * @param executor      runs listener events and batch flushes
     * @param batchWindow   how long a device gathers separate commands before writing them (0 = write
     *                      at once; the outputs of one message are one batch either way)
     */
    public BleDeviceSource(BleAdapter adapter, DeviceConfiguration configuration, Protocols protocols,
                           Executor executor, Duration batchWindow) {
        this(adapter, configuration, protocols, Scheduling.defaults().withExecutor(executor), batchWindow);
    }

    /** As the public constructor, with the scheduler and clock of the devices' periodic work and batching windows. */
    BleDeviceSource(BleAdapter adapter, DeviceConfiguration configuration, Protocols protocols,
                    Executor executor, ScheduledExecutorService scheduler, LongSupplier nanoTime, Duration batchWindow) {
        this.adapter = Objects.requireNonNull(adapter, "adapter");
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.protocols = Objects.requireNonNull(protocols, "protocols");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.state = new SourceState(executor);
        this.batchWindowMs = batchWindow.toMillis();
        // for the stop deadlines of close(), which read no clock
        this.deadlines = Scheduling.defaults().withExecutor(executor).withScheduler(scheduler);
    }

    /**
     * A source with the built-in protocols, {@link Scheduling#defaults()} and the default batching window.
     *
     * @param adapter the BLE adapter (not closed by this source)
     * @param configuration the device configuration
     */
    public BleDeviceSource(BleAdapter adapter, DeviceConfiguration configuration) {
        this(adapter, configuration, Protocols.builtIn(), Scheduling.defaults(), DEFAULT_BATCH_WINDOW);
    }

    @Override
    public String name() {
        return "btle " + adapter.name();
    }

    @Override
    public void start(DeviceSourceListener listener) {
        state.start(listener);
    }

    @Override
    public CompletableFuture<Void> startScanning() {
        return state.scan(this::scanAdapter);
    }

    private CompletableFuture<Void> scanAdapter() {
        failed.clear();
        return adapter.startScan(this::seen);
    }

    @Override
    public CompletableFuture<Void> stopScanning() {
        return adapter.stopScan();
    }

    private void seen(Advertisement ad) {
        if (state.isClosed() || devices.containsKey(ad.address()) || busy.contains(ad.address())) {
            return;
        }
        Long failedAt = failed.get(ad.address());
        if (failedAt != null && nanoTime.getAsLong() - failedAt < RETRY_AFTER.toNanos()) {
            return;
        }
        if (!configuration.mayConnect(ad.address())) {
            return;
        }
        List<ProtocolDefinition> candidates = new ArrayList<>();
        for (ProtocolDefinition p : configuration.protocolsFor(ad)) {
            if (protocols.factory(p.id()).isPresent()) {
                candidates.add(p);
            }
        }
        if (candidates.isEmpty() || !busy.add(ad.address())) {
            return;
        }
        log.info("connecting to {} ({})", ad.name(), candidates.get(0).id());
        adapter.connect(ad.address())
                .thenCompose(peripheral -> setUp(peripheral, ad, candidates).whenComplete((device, error) -> {
                    if (error != null) {
                        peripheral.disconnect();
                    }
                }))
                .whenComplete((device, error) -> {
                    if (error != null) {
                        failed.put(ad.address(), nanoTime.getAsLong());
                        busy.remove(ad.address());
                        log.warn("device {} skipped: {}", ad.name(), RootCause.describe(error));
                    } else {
                        added(device);
                    }
                });
    }

    private CompletableFuture<BleDevice> setUp(BlePeripheral peripheral, Advertisement ad,
                                               List<ProtocolDefinition> candidates) {
        for (ProtocolDefinition p : candidates) {
            PeripheralHardware hardware = PeripheralHardware.bind(peripheral, ad, p.btle().orElseThrow());
            if (hardware != null) {
                return protocols.factory(p.id()).orElseThrow().identify(p.id(), hardware)
                        .thenCompose(id -> initialise(peripheral, ad, hardware, p.id(), id));
            }
        }
        return CompletableFuture.failedFuture(new BleException(
                "device " + peripheral.name() + " has none of the endpoints of protocol " + candidates.get(0).id()));
    }

    /** Binds the identified protocol, makes its handler from the device's definition and runs the handshake. */
    private CompletableFuture<BleDevice> initialise(BlePeripheral peripheral, Advertisement ad, PeripheralHardware hardware,
                                                    String matched, Identification id) {
        PeripheralHardware hw = hardware;
        if (!id.protocol().equals(matched)) {
            ProtocolDefinition other = configuration.protocol(id.protocol()).orElse(null);
            if (other == null || other.btle().isEmpty() || protocols.factory(id.protocol()).isEmpty()) {
                return CompletableFuture.failedFuture(new ButtplugDeviceException(
                        "protocol " + matched + " handed over to unknown protocol " + id.protocol()));
            }
            hw = PeripheralHardware.bind(peripheral, ad, other.btle().get());
            if (hw == null) {
                return CompletableFuture.failedFuture(new BleException(
                        "device has none of the endpoints of protocol " + id.protocol()));
            }
        }
        DeviceDefinition definition;
        ProtocolHandler handler;
        try {
            definition = configuration.definition(id.protocol(), id.identifier(), peripheral.address())
                    .orElseThrow(() -> new ButtplugDeviceException("no configuration for protocol " + id.protocol()));
            if (definition.denied()) {
                return CompletableFuture.failedFuture(new ButtplugDeviceException("device is denied by the user configuration"));
            }
            handler = protocols.factory(id.protocol()).orElseThrow().create(definition);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new ButtplugDeviceException(e.getMessage(), e));
        }
        PeripheralHardware finalHw = hw;
        return handler.initialize(hw)
                .thenCompose(v -> settle(handler.settleTime()))
                .thenApply(v -> new BleDevice(finalHw, definition, handler, executor, scheduler, nanoTime, batchWindowMs))
                .thenCompose(device -> device.start().thenApply(v -> device));
    }

    /** Completes after {@code time} on the scheduler (at once when zero): a handler's settle time after its handshake. */
    private CompletableFuture<Void> settle(Duration time) {
        if (time.isZero() || time.isNegative()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> settled = new CompletableFuture<>();
        scheduler.schedule(() -> executor.execute(() -> settled.complete(null)), time.toNanos(), TimeUnit.NANOSECONDS);
        return settled;
    }

    private void added(BleDevice device) {
        String address = device.identifier();
        BlePeripheral peripheral = device.hardware().peripheral();
        if (state.isClosed()) {
            peripheral.disconnect();
            busy.remove(address);
            return;
        }
        devices.put(address, device);
        busy.remove(address);
        if (!peripheral.isConnected()) {
            devices.remove(address, device);
            log.info("device {} disconnected during set-up", device.name());
            return;
        }
        log.info("device {} ready ({}, model {})", device.name(), device.definition().protocol(),
                device.definition().identifier());
        state.announce(device, peripheral, () -> {
            if (!devices.remove(address, device)) {
                return false;
            }
            log.info("device {} disconnected", device.name());
            return true;
        });
    }

    /**
     * Stops scanning and disconnects every device (each reported removed). Idempotent. Does not
     * wait: see {@link #closeAsync()}.
     */
    @Override
    public void close() {
        closeAsync();
    }

    /**
     * Stops scanning, stops every device's outputs, waits (at most {@link #STOP_TIMEOUT}) until those
     * stop commands are written, then disconnects it. Idempotent: every call returns the same
     * future. Close the adapter only after it completes, so the stop commands reach the toys.
     *
     * @return completes when every device has been stopped (or failed to) and disconnected; never
     *         fails
     */
    public CompletableFuture<Void> closeAsync() {
        return state.close(() -> {
            adapter.stopScan();
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (BleDevice device : new ArrayList<>(devices.values())) {
                device.endPeriodicWork();
                CompletableFuture<Void> drained = device.stop().handle((v, e) -> null)
                        .thenCompose(v -> device.drained()); // stop() completes when queued, not written
                all.add(Deadlines.orTimeout(drained, STOP_TIMEOUT, deadlines)
                        .handle((v, e) -> null)
                        .thenCompose(v -> device.hardware().peripheral().disconnect())
                        .handle((v, e) -> null));
            }
            return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
        });
    }
}
