package io.github.buttplugjava.device.hid;

import io.github.buttplugjava.btle.config.DeviceConfiguration;
import io.github.buttplugjava.btle.internal.DeviceLayer;
import io.github.buttplugjava.btle.internal.HandlerDevices;
import io.github.buttplugjava.btle.internal.SourceState;
import io.github.buttplugjava.btle.protocol.Protocols;
import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.PeerText;
import io.github.buttplugjava.core.device.DeviceSource;
import io.github.buttplugjava.core.device.DeviceSourceListener;
import io.github.buttplugjava.core.internal.SharedExecutors;
import io.github.buttplugjava.device.hid.internal.Hid4JavaBus;
import io.github.buttplugjava.device.hid.internal.HidPeripheral;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
    private final Executor executor;
    private final SourceState state;
    private final HandlerDevices<String, HidPeripheral> devices;
    private final ThreadFactory ioThreads = SharedExecutors.daemonThreads("hid-io-");

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
        this.executor = Objects.requireNonNull(executor, "executor");
        this.state = new SourceState(executor);
        this.devices = new HandlerDevices<>(state, new DeviceLayer(configuration, protocols, executor, scheduler, nanoTime),
                STOP_TIMEOUT, log);
    }

    @Override
    public String name() {
        return "hid";
    }

    @Override
    public void start(DeviceSourceListener listener) {
        state.start(listener);
    }

    /**
     * Lists the bus's devices and opens those of a HID protocol that have no device yet;
     * listeners hear {@code scanningFinished} once each was tried.
     *
     * @return completes at once (the devices are opened in the background)
     */
    @Override
    public CompletableFuture<Void> startScanning() {
        return state.scan(this::listAndOpen);
    }

    private CompletableFuture<Void> listAndOpen() {
        CompletableFuture.supplyAsync(this::openNewDevices, executor)
                .exceptionally(e -> {
                    log.warn("HID devices cannot be listed: {}", e.getMessage());
                    return CompletableFuture.completedFuture(null);
                })
                .thenCompose(tries -> tries)
                .whenComplete((v, e) -> state.scanningFinished());
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
            if (devices.reserve(address, MAX_DEVICES)) {
                String name = PeerText.name(info.product().isBlank() ? protocol.get() : info.product());
                tries.add(devices.open(address, "HID device " + name, CompletableFuture.supplyAsync(
                                () -> HidPeripheral.start(address, name, bus.open(info), ioThreads), executor),
                        HidPeripheral.specifier(), protocol.get()));
            }
        }
        return CompletableFuture.allOf(tries.toArray(CompletableFuture[]::new));
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
        return state.close(() -> devices.stopAll().whenComplete((v, e) -> {
            try {
                bus.close();
            } catch (RuntimeException ex) {
                log.warn("HID bus did not close cleanly", ex);
            }
        }));
    }

    @Override
    public String toString() {
        return "HidDeviceSource[" + bus + "]";
    }
}
