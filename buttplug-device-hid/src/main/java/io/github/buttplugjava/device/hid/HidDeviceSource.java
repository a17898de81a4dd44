package io.github.buttplugjava.device.hid;

import io.github.buttplugjava.btle.HandlerDevice;
import io.github.buttplugjava.btle.config.DeviceConfiguration;
import io.github.buttplugjava.btle.protocol.Protocols;
import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.PeerText;
import io.github.buttplugjava.core.device.DeviceSource;
import io.github.buttplugjava.core.device.DeviceSourceListener;
import io.github.buttplugjava.core.internal.SerialExecutor;
import io.github.buttplugjava.core.internal.SharedExecutors;
import io.github.buttplugjava.device.hid.internal.Hid4JavaBus;
import io.github.buttplugjava.device.hid.internal.HidPeripheral;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.function.LongSupplier;

/**
 * The HID toys attached to this machine ({@code nintendo-joycon}: Joy-Con L/R and the Pro
 * Controller), behind the same protocol handlers and device layer as BLE devices.
 *
 * <p>"Scanning" lists the bus's devices once and opens every device of a HID protocol
 * ({@link HidProtocols}) that has a serial number (the device's address, as in the reference) and
 * no device yet; {@code scanningFinished} follows once each was tried. A device that goes away (a
 * read or write reports it gone) is removed, and its commands fail with a
 * {@link ButtplugDeviceException}. Writes wait in a bounded queue per device. Closing stops every
 * device's outputs first (waiting at most {@link #STOP_TIMEOUT}), then closes the devices and the
 * bus. Listener events arrive serially on the executor. Thread-safe.
 *
 * <pre>{@code
 * DeviceSource hid = new HidDeviceSource(DeviceConfiguration.bundled());
 * }</pre>
 */
public final class HidDeviceSource implements DeviceSource {

    private static final Logger log = LoggerFactory.getLogger(HidDeviceSource.class);

    /** How long closing waits for a device's stop writes before it closes the device anyway. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(3);
    /** The most devices one source drives. */
    public static final int MAX_DEVICES = 16;

    private final HidBus bus;
    private final DeviceConfiguration configuration;
    private final Protocols protocols;
    private final Executor executor;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier nanoTime;
    private final SerialExecutor events;
    private final ThreadFactory ioThreads = SharedExecutors.daemonThreads("hid-io-");
    private final Map<String, HandlerDevice> devices = new ConcurrentHashMap<>();
    private final Map<String, Boolean> busy = new ConcurrentHashMap<>();
    private volatile DeviceSourceListener listener;
    private volatile boolean closed;
    private CompletableFuture<Void> closing;

    /**
     * A source on this machine's HID devices through hid4java, with the built-in protocols, the
     * common pool and the shared timer.
     *
     * @param configuration the device configuration (defines the HID protocols' devices)
     * @throws io.github.buttplugjava.btle.BleException when hid4java's native library cannot be loaded
     */
    public HidDeviceSource(DeviceConfiguration configuration) {
        this(Hid4JavaBus.open(), configuration, Protocols.builtIn(), ForkJoinPool.commonPool(), SharedExecutors.timers(),
                System::nanoTime);
    }

    /**
     * A source on any HID bus, with the built-in protocols, the common pool and the shared timer.
     *
     * @param bus where devices are listed and opened (closed by this source)
     * @param configuration the device configuration (defines the HID protocols' devices)
     */
    public HidDeviceSource(HidBus bus, DeviceConfiguration configuration) {
        this(bus, configuration, Protocols.builtIn(), ForkJoinPool.commonPool(), SharedExecutors.timers(), System::nanoTime);
    }

    /**
     * A source on any HID bus, with its threads and clock given.
     *
     * @param bus where devices are listed and opened (closed by this source)
     * @param configuration the device configuration (defines the HID protocols' devices)
     * @param protocols the protocol handlers
     * @param executor runs listener events, device opening and the devices' writes
     * @param scheduler runs the handlers' periodic work (the Joy-Con's rumble repeat)
     * @param nanoTime the clock of idle times
     */
    public HidDeviceSource(HidBus bus, DeviceConfiguration configuration, Protocols protocols, Executor executor,
                           ScheduledExecutorService scheduler, LongSupplier nanoTime) {
        this.bus = Objects.requireNonNull(bus, "bus");
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.protocols = Objects.requireNonNull(protocols, "protocols");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.events = SerialExecutor.droppingWhenRejected(executor);
    }

    @Override
    public String name() {
        return "hid";
    }

    @Override
    public synchronized void start(DeviceSourceListener listener) {
        if (this.listener != null) {
            throw new IllegalStateException("already started");
        }
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Lists the bus's devices and opens those of a HID protocol that have no device yet;
     * listeners hear {@code scanningFinished} once each was tried.
     *
     * @return completes at once (the devices are opened in the background)
     */
    @Override
    public CompletableFuture<Void> startScanning() {
        DeviceSourceListener l = listener;
        if (l == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("start the source first"));
        }
        if (closed) {
            return CompletableFuture.failedFuture(new ButtplugDeviceException("device source is closed"));
        }
        CompletableFuture.supplyAsync(this::openNewDevices, executor)
                .exceptionally(e -> {
                    log.warn("HID devices cannot be listed: {}", e.getMessage());
                    return CompletableFuture.completedFuture(null);
                })
                .thenCompose(tries -> tries)
                .whenComplete((v, e) -> events.execute(l::scanningFinished));
        return CompletableFuture.completedFuture(null);
    }

    private CompletableFuture<Void> openNewDevices() {
        List<CompletableFuture<Void>> tries = new ArrayList<>();
        for (HidDeviceInfo info : bus.devices()) {
            Optional<String> protocol = HidProtocols.protocolOf(info.vendorId(), info.productId());
            if (protocol.isEmpty()) {
                continue;
            }
            String address = info.serialNumber();
            if (address.isBlank()) {
                log.debug("HID device {} has no serial number; skipped (as in the reference)",
                        PeerText.forLog(info.product(), PeerText.MAX_NAME));
                continue;
            }
            if (devices.containsKey(address) || devices.size() + busy.size() >= MAX_DEVICES
                    || busy.putIfAbsent(address, Boolean.TRUE) != null) {
                continue;
            }
            tries.add(open(info, address, protocol.get()));
        }
        return CompletableFuture.allOf(tries.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Void> open(HidDeviceInfo info, String address, String protocol) {
        String name = PeerText.name(info.product().isBlank() ? protocol : info.product());
        return CompletableFuture.supplyAsync(() -> HidPeripheral.start(address, name, bus.open(info), ioThreads), executor)
                .thenCompose(peripheral -> HandlerDevice.open(peripheral, HidPeripheral.specifier(), protocol,
                                configuration, protocols, executor, scheduler, nanoTime, Duration.ZERO)
                        .whenComplete((device, error) -> {
                            if (error != null) {
                                peripheral.disconnect();
                            }
                        })
                        .thenAccept(device -> added(address, peripheral, device)))
                .handle((v, error) -> {
                    if (error != null) {
                        busy.remove(address);
                        log.warn("HID device {} skipped: {}", name, PeerText.error(String.valueOf(rootMessage(error))));
                    }
                    return null;
                });
    }

    private void added(String address, HidPeripheral peripheral, HandlerDevice device) {
        if (closed) {
            device.stopAndDisconnect(STOP_TIMEOUT);
            busy.remove(address);
            return;
        }
        devices.put(address, device);
        busy.remove(address);
        if (!peripheral.isConnected()) {
            devices.remove(address, device);
            log.info("HID device {} was lost during set-up", device.definition().name());
            return;
        }
        log.info("HID device {} ready ({})", device.definition().name(), device.definition().protocol());
        events.execute(() -> listener.deviceAdded(device.device()));
        // registered after the added event is queued, so a removal is always reported after it
        peripheral.onDisconnect(() -> {
            if (devices.remove(address, device)) {
                events.execute(() -> listener.deviceRemoved(device.device()));
            }
        });
    }

    /** HID devices are listed, not watched: nothing to stop. */
    @Override
    public CompletableFuture<Void> stopScanning() {
        return CompletableFuture.completedFuture(null);
    }

    /** Stops every device and closes them and the bus (each device reported removed); does not wait. */
    @Override
    public void close() {
        closeAsync();
    }

    /**
     * Stops every device's outputs, waits (at most {@link #STOP_TIMEOUT}) for those writes, then
     * closes the devices and the bus. Idempotent: every call returns the same future.
     *
     * @return completes when every device is closed; never fails
     */
    public CompletableFuture<Void> closeAsync() {
        CompletableFuture<Void> result;
        synchronized (this) {
            if (closing != null) {
                return closing;
            }
            closed = true;
            closing = new CompletableFuture<>();
            result = closing;
        }
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (HandlerDevice device : new ArrayList<>(devices.values())) {
            all.add(device.stopAndDisconnect(STOP_TIMEOUT));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> {
            try {
                bus.close();
            } catch (RuntimeException ex) {
                log.warn("HID bus did not close cleanly", ex);
            }
            result.complete(null);
        });
        return result;
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getClass().getSimpleName() + ": " + c.getMessage();
    }

    @Override
    public String toString() {
        return "HidDeviceSource[" + bus + "]";
    }
}
