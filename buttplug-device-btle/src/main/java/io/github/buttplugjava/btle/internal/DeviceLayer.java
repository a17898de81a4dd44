package io.github.buttplugjava.btle.internal;

import io.github.buttplugjava.btle.BlePeripheral;
import io.github.buttplugjava.btle.HandlerDevice;
import io.github.buttplugjava.btle.config.BtleSpecifier;
import io.github.buttplugjava.btle.config.DeviceConfiguration;
import io.github.buttplugjava.btle.protocol.Protocols;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;

/**
 * What a device source of a link that is not BLE needs to run its peripherals through the
 * protocol handlers and device layer ({@link HandlerDevice}), with no batching window (each
 * transport paces its own writes).
 *
 * @param configuration the device configuration that defines the protocols' devices
 * @param protocols the protocol handlers
 * @param executor runs batch flushes and periodic ticks
 * @param scheduler runs periodic work and settle times
 * @param nanoTime the clock of idle times
 */
public record DeviceLayer(DeviceConfiguration configuration, Protocols protocols, Executor executor,
                          ScheduledExecutorService scheduler, LongSupplier nanoTime) {

    /**
     * The layer's parts.
     *
     * @param configuration the device configuration that defines the protocols' devices
     * @param protocols the protocol handlers
     * @param executor runs batch flushes and periodic ticks
     * @param scheduler runs periodic work and settle times
     * @param nanoTime the clock of idle times
     */
    public DeviceLayer {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(protocols, "protocols");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /**
     * Identifies and initialises the device on {@code peripheral} ({@link HandlerDevice#open}).
     *
     * @param peripheral the connected link (not disconnected here when it fails)
     * @param layout where the protocol's endpoints are on the peripheral
     * @param protocol the protocol id
     * @return the ready device; fails as {@link HandlerDevice#open} does
     */
    public CompletableFuture<HandlerDevice> open(BlePeripheral peripheral, BtleSpecifier layout, String protocol) {
        return HandlerDevice.open(peripheral, layout, protocol, configuration, protocols, executor, scheduler, nanoTime,
                Duration.ZERO);
    }
}
