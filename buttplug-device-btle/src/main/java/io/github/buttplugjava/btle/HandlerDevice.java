package io.github.buttplugjava.btle;

import io.github.buttplugjava.btle.config.BtleSpecifier;
import io.github.buttplugjava.btle.config.DeviceConfiguration;
import io.github.buttplugjava.btle.config.DeviceDefinition;
import io.github.buttplugjava.btle.protocol.ProtocolFactory;
import io.github.buttplugjava.btle.protocol.ProtocolHandler;
import io.github.buttplugjava.btle.protocol.Protocols;
import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.device.Device;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One device run by a protocol handler over a connected {@link BlePeripheral} that did not come
 * from a BLE scan: the seam other transports (serial ports) use to get the same device layer as
 * BLE devices — identification, the handler made from the device's definition, its handshake and
 * settle time, checked and batched commands, periodic work and keepalives, stop on close.
 *
 * <p>The transport presents its link as a peripheral whose characteristics are listed in
 * {@code layout} (one service, one characteristic per endpoint the protocol uses).
 */
public final class HandlerDevice {

    private final BleDevice device;

    private HandlerDevice(BleDevice device) {
        this.device = device;
    }

    /**
     * Identifies the device with its protocol's factory, makes its handler from the configured
     * definition, runs the handshake and waits the handler's settle time on {@code scheduler}.
     *
     * @param peripheral    the connected link (not disconnected by this method when it fails)
     * @param layout        where the protocol's endpoints are on the peripheral
     * @param protocol      the protocol id, e.g. {@code "tcode-v03"}
     * @param configuration the device configuration that defines the protocol's devices
     * @param protocols     the protocol handlers
     * @param executor      runs batch flushes and periodic ticks
     * @param scheduler     runs batching windows, periodic work and the settle time
     * @param nanoTime      the clock of idle times
     * @param batchWindow   how long separate commands are gathered before they are written
     * @return the ready device; fails with a {@link ButtplugDeviceException} when the protocol is
     *         unknown, the device is denied, the peripheral lacks the protocol's endpoints or the
     *         handshake fails
     */
    public static CompletableFuture<HandlerDevice> open(BlePeripheral peripheral, BtleSpecifier layout, String protocol,
                                                        DeviceConfiguration configuration, Protocols protocols,
                                                        Executor executor, ScheduledExecutorService scheduler,
                                                        LongSupplier nanoTime, Duration batchWindow) {
        Objects.requireNonNull(peripheral, "peripheral");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(protocol, "protocol");
        ProtocolFactory factory = protocols.factory(protocol).orElse(null);
        if (factory == null || configuration.protocol(protocol).isEmpty()) {
            return CompletableFuture.failedFuture(new ButtplugDeviceException("unknown protocol " + protocol));
        }
        PeripheralHardware hardware = PeripheralHardware.bind(peripheral,
                Advertisement.named(peripheral.address(), peripheral.name()), layout);
        if (hardware == null) {
            return CompletableFuture.failedFuture(new BleException(
                    "device " + peripheral.name() + " has none of the endpoints of protocol " + protocol));
        }
        return factory.identify(protocol, hardware).thenCompose(id -> {
            if (!id.protocol().equals(protocol)) {
                return CompletableFuture.failedFuture(new ButtplugDeviceException(
                        "protocol " + protocol + " handed over to " + id.protocol() + ", which this transport does not carry"));
            }
            DeviceDefinition definition;
            ProtocolHandler handler;
            try {
                definition = configuration.definition(protocol, id.identifier(), peripheral.address())
                        .orElseThrow(() -> new ButtplugDeviceException("no configuration for protocol " + protocol));
                if (definition.denied()) {
                    return CompletableFuture.failedFuture(
                            new ButtplugDeviceException("device is denied by the user configuration"));
                }
                handler = factory.create(definition);
            } catch (IllegalArgumentException e) {
                return CompletableFuture.failedFuture(new ButtplugDeviceException(e.getMessage(), e));
            }
            return handler.initialize(hardware)
                    .thenCompose(v -> settle(handler.settleTime(), executor, scheduler))
                    .thenApply(v -> new BleDevice(hardware, definition, handler, executor, scheduler, nanoTime,
                            batchWindow.toMillis()))
                    .thenCompose(device -> device.start().thenApply(v -> new HandlerDevice(device)));
        });
    }

    private static CompletableFuture<Void> settle(Duration time, Executor executor, ScheduledExecutorService scheduler) {
        if (time.isZero() || time.isNegative()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> settled = new CompletableFuture<>();
        scheduler.schedule(() -> executor.execute(() -> settled.complete(null)), time.toNanos(), TimeUnit.NANOSECONDS);
        return settled;
    }

    /**
     * The device, to report to a device manager.
     *
     * @return the device
     */
    public Device device() {
        return device;
    }

    /**
     * The definition the device was made from.
     *
     * @return the definition
     */
    public DeviceDefinition definition() {
        return device.definition();
    }

    /**
     * Ends the periodic work, stops every output and waits (at most {@code stopTimeout}) until
     * those stop writes have been made, then disconnects the peripheral. Call it once.
     *
     * @param stopTimeout how long the stop writes may take before the peripheral is disconnected anyway
     * @return completes when the peripheral is disconnected; never fails
     */
    public CompletableFuture<Void> stopAndDisconnect(Duration stopTimeout) {
        device.endPeriodicWork();
        return device.stop().handle((v, e) -> null)
                .thenCompose(v -> device.drained())
                .orTimeout(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((v, e) -> null)
                .thenCompose(v -> device.hardware().peripheral().disconnect())
                .handle((v, e) -> null);
    }

    @Override
    public String toString() {
        return "HandlerDevice[" + device.name() + ", " + device.definition().protocol() + "]";
    }
}
