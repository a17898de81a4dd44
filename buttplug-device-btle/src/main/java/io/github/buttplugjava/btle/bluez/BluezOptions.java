package io.github.buttplugjava.btle.bluez;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link BluezBleAdapter} reaches BlueZ.
 *
 * @param busAddress              the D-Bus address of the bus where {@code org.bluez} lives, e.g.
 *                                {@code unix:path=/run/dbus/system_bus_socket}; empty = the system
 *                                bus, from {@code $DBUS_SYSTEM_BUS_ADDRESS} when set
 * @param adapterName             the adapter to use, e.g. {@code "hci0"}; empty = the first one
 * @param powerOn                 switch the adapter on when it is off (otherwise scanning fails
 *                                with a clear error)
 * @param discoveryFilter         passed to BlueZ before each scan
 * @param serviceDiscoveryTimeout how long {@code connect} waits for BlueZ to resolve the GATT
 *                                services after the link is up
 */
public record BluezOptions(Optional<String> busAddress, Optional<String> adapterName, boolean powerOn,
                           BluezDiscoveryFilter discoveryFilter, Duration serviceDiscoveryTimeout) {

    /** The environment variable libdbus, GIO and this adapter read for the system bus address. */
    public static final String SYSTEM_BUS_ENV = "DBUS_SYSTEM_BUS_ADDRESS";

    /** Where the system bus listens when {@value #SYSTEM_BUS_ENV} is not set. */
    public static final String DEFAULT_SYSTEM_BUS = "unix:path=/var/run/dbus/system_bus_socket";

    /**
     * Validates.
     *
     * @param busAddress the D-Bus address of the bus where {@code org.bluez} lives, e.g. {@code
     *         unix:path=/run/dbus/system_bus_socket}; empty = the system bus, from {@code
     *     $DBUS_SYSTEM_BUS_ADDRESS} when set
     * @param adapterName the adapter to use, e.g. {@code "hci0"}; empty = the first one
     * @param powerOn switch the adapter on when it is off (otherwise scanning fails with a clear
     *         error)
     * @param discoveryFilter passed to BlueZ before each scan
     * @param serviceDiscoveryTimeout how long {@code connect} waits for BlueZ to resolve the GATT
     *         services after the link is up
     */
    public BluezOptions {
        Objects.requireNonNull(busAddress, "busAddress");
        Objects.requireNonNull(adapterName, "adapterName");
        Objects.requireNonNull(discoveryFilter, "discoveryFilter");
        if (serviceDiscoveryTimeout.isNegative() || serviceDiscoveryTimeout.isZero()) {
            throw new IllegalArgumentException("serviceDiscoveryTimeout must be positive");
        }
    }

    /**
     * System bus, first adapter, power it on, LE only, 10 s service discovery.
     *
     * @return the default options
     */
    public static BluezOptions defaults() {
        return new BluezOptions(Optional.empty(), Optional.empty(), true, BluezDiscoveryFilter.LE_ONLY,
                Duration.ofSeconds(10));
    }

    /**
     * These options on the bus at {@code address}.
     *
     * @param address a D-Bus address, e.g. {@code unix:path=/run/dbus/system_bus_socket}
     * @return a copy with the new bus address
     */
    public BluezOptions withBusAddress(String address) {
        return new BluezOptions(Optional.of(address), adapterName, powerOn, discoveryFilter, serviceDiscoveryTimeout);
    }

    /**
     * These options with adapter {@code name} (e.g. {@code "hci1"}).
     *
     * @param name the adapter's name
     * @return a copy with the new adapter
     */
    public BluezOptions withAdapterName(String name) {
        return new BluezOptions(busAddress, Optional.of(name), powerOn, discoveryFilter, serviceDiscoveryTimeout);
    }

    /**
     * These options, powering an adapter that is off on or not.
     *
     * @param on true to switch an adapter that is off on
     * @return a copy with the new setting
     */
    public BluezOptions withPowerOn(boolean on) {
        return new BluezOptions(busAddress, adapterName, on, discoveryFilter, serviceDiscoveryTimeout);
    }

    /**
     * These options with a discovery filter.
     *
     * @param filter passed to BlueZ before each scan
     * @return a copy with the new filter
     */
    public BluezOptions withDiscoveryFilter(BluezDiscoveryFilter filter) {
        return new BluezOptions(busAddress, adapterName, powerOn, filter, serviceDiscoveryTimeout);
    }

    /**
     * These options with a service discovery timeout.
     *
     * @param timeout how long {@code connect} waits for the GATT services, positive
     * @return a copy with the new timeout
     */
    public BluezOptions withServiceDiscoveryTimeout(Duration timeout) {
        return new BluezOptions(busAddress, adapterName, powerOn, discoveryFilter, timeout);
    }

    /**
     * The bus address to dial: the explicit one, else the environment's, else the default.
     *
     * @return the D-Bus address, never null
     */
    public String resolvedBusAddress() {
        if (busAddress.isPresent()) {
            return busAddress.get();
        }
        String fromEnv = System.getenv(SYSTEM_BUS_ENV);
        return fromEnv == null || fromEnv.isBlank() ? DEFAULT_SYSTEM_BUS : fromEnv;
    }
}
