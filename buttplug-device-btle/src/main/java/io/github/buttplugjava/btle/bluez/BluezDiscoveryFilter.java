package io.github.buttplugjava.btle.bluez;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

/**
 * What BlueZ should report during a scan, passed to {@code org.bluez.Adapter1.SetDiscoveryFilter}
 * before discovery starts. BlueZ merges the filters of all its clients, so other programs' scans
 * may still widen what is seen; the adapter reports what BlueZ reports.
 *
 * @param serviceUuids only peripherals advertising one of these services; empty = any
 * @param rssi         only peripherals at least this strong (dBm), when set
 * @param transport    {@code "le"}, {@code "bredr"} or {@code "auto"}
 */
public record BluezDiscoveryFilter(Set<UUID> serviceUuids, OptionalInt rssi, String transport) {

    /** Low-energy peripherals only, no other restriction (the default). */
    public static final BluezDiscoveryFilter LE_ONLY = new BluezDiscoveryFilter(Set.of(), OptionalInt.empty(), "le");

    /**
     * Validates and copies.
     *
     * @param serviceUuids only peripherals advertising one of these services; empty = any
     * @param rssi only peripherals at least this strong (dBm), when set
     * @param transport {@code "le"}, {@code "bredr"} or {@code "auto"}
     */
    public BluezDiscoveryFilter {
        serviceUuids = Set.copyOf(serviceUuids);
        Objects.requireNonNull(rssi, "rssi");
        if (!Set.of("le", "bredr", "auto").contains(transport)) {
            throw new IllegalArgumentException("transport must be le, bredr or auto, not " + transport);
        }
    }

    /**
     * This filter restricted to peripherals advertising one of {@code uuids}.
     *
     * @param uuids service UUIDs; empty for any
     * @return a copy with the new service filter
     */
    public BluezDiscoveryFilter withServiceUuids(Set<UUID> uuids) {
        return new BluezDiscoveryFilter(uuids, rssi, transport);
    }

    /**
     * This filter restricted to peripherals at least {@code dBm} strong.
     *
     * @param dBm the weakest signal to report, in dBm (negative)
     * @return a copy with the new signal filter
     */
    public BluezDiscoveryFilter withRssi(int dBm) {
        return new BluezDiscoveryFilter(serviceUuids, OptionalInt.of(dBm), transport);
    }
}
