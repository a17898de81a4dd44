package io.github.buttplugjava.btle.tinyb;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * How a {@link TinyBBleAdapter} uses TinyB. TinyB always talks to BlueZ on the <em>system</em> bus,
 * whose address it reads from {@code $DBUS_SYSTEM_BUS_ADDRESS} once, when the JVM first uses it; there
 * is no bus-address option.
 *
 * @param adapterInterface        the adapter to use, e.g. {@code "hci0"}; empty = the first one
 * @param powerOn                 switch the adapter on when it is off (otherwise scanning fails)
 * @param serviceUuids            discovery filter: only peripherals advertising one of these; empty = any
 * @param scanPollInterval        how often the device list is polled during a scan (TinyB has no
 *                                "device found" callback)
 * @param serviceDiscoveryTimeout how long {@code connect} waits for BlueZ to resolve the services
 */
public record TinyBOptions(Optional<String> adapterInterface, boolean powerOn, Set<UUID> serviceUuids,
                           Duration scanPollInterval, Duration serviceDiscoveryTimeout) {

    /**
     * Validates and copies.
     *
     * @param adapterInterface the adapter to use, e.g. {@code "hci0"}; empty = the first one
     * @param powerOn switch the adapter on when it is off (otherwise scanning fails)
     * @param serviceUuids discovery filter: only peripherals advertising one of these; empty = any
     * @param scanPollInterval how often the device list is polled during a scan (TinyB has no
     *         "device found" callback)
     * @param serviceDiscoveryTimeout how long {@code connect} waits for BlueZ to resolve the
     *         services
     */
    public TinyBOptions {
        Objects.requireNonNull(adapterInterface, "adapterInterface");
        serviceUuids = Set.copyOf(serviceUuids);
        if (scanPollInterval.isNegative() || scanPollInterval.isZero()
                || serviceDiscoveryTimeout.isNegative() || serviceDiscoveryTimeout.isZero()) {
            throw new IllegalArgumentException("intervals and timeouts must be positive");
        }
    }

    /**
     * First adapter, power it on, no filter, poll every 250 ms, 10 s service discovery.
     *
     * @return the default options
     */
    public static TinyBOptions defaults() {
        return new TinyBOptions(Optional.empty(), true, Set.of(), Duration.ofMillis(250), Duration.ofSeconds(10));
    }

    /**
     * These options with adapter {@code name} (e.g. {@code "hci1"}).
     *
     * @param name the adapter's interface name
     * @return a copy with the new adapter
     */
    public TinyBOptions withAdapterInterface(String name) {
        return new TinyBOptions(Optional.of(name), powerOn, serviceUuids, scanPollInterval, serviceDiscoveryTimeout);
    }

    /**
     * These options, powering an adapter that is off on or not.
     *
     * @param on true to switch an adapter that is off on
     * @return a copy with the new setting
     */
    public TinyBOptions withPowerOn(boolean on) {
        return new TinyBOptions(adapterInterface, on, serviceUuids, scanPollInterval, serviceDiscoveryTimeout);
    }

    /**
     * These options with a discovery filter on service UUIDs.
     *
     * @param uuids service UUIDs; empty for any
     * @return a copy with the new filter
     */
    public TinyBOptions withServiceUuids(Set<UUID> uuids) {
        return new TinyBOptions(adapterInterface, powerOn, uuids, scanPollInterval, serviceDiscoveryTimeout);
    }

    /**
     * These options with a service discovery timeout.
     *
     * @param timeout how long {@code connect} waits for the services, positive
     * @return a copy with the new timeout
     */
    public TinyBOptions withServiceDiscoveryTimeout(Duration timeout) {
        return new TinyBOptions(adapterInterface, powerOn, serviceUuids, scanPollInterval, timeout);
    }
}
