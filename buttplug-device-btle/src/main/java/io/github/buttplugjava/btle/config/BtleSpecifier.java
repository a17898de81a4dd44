package io.github.buttplugjava.btle.config;

import io.github.buttplugjava.btle.Advertisement;
import io.github.buttplugjava.btle.Endpoint;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * How a protocol's devices look over Bluetooth LE: the names, manufacturer data and advertised
 * services that select it, and the GATT layouts its endpoints live in.
 *
 * @param names              exact advertised names, or prefixes ending in {@code *}
 * @param manufacturerData   manufacturer data patterns, any of which selects the protocol
 * @param advertisedServices service UUIDs that select the protocol when advertised
 * @param services           service UUID to its endpoints' characteristic UUIDs, in config order;
 *                           alternative layouts may be listed, absent ones are skipped at connect
 */
public record BtleSpecifier(List<String> names, List<ManufacturerDataPattern> manufacturerData,
                            Set<UUID> advertisedServices, Map<UUID, Map<Endpoint, UUID>> services) {

    /**
     * Copies everything.
     *
     * @param names exact advertised names, or prefixes ending in {@code *}
     * @param manufacturerData manufacturer data patterns, any of which selects the protocol
     * @param advertisedServices service UUIDs that select the protocol when advertised
     * @param services service UUID to its endpoints' characteristic UUIDs, in config order;
     *         alternative layouts may be listed, absent ones are skipped at connect
     */
    public BtleSpecifier {
        names = List.copyOf(names);
        manufacturerData = List.copyOf(manufacturerData);
        advertisedServices = Set.copyOf(advertisedServices);
        Map<UUID, Map<Endpoint, UUID>> copy = new LinkedHashMap<>();
        services.forEach((k, v) -> copy.put(Objects.requireNonNull(k), Map.copyOf(v)));
        services = Collections.unmodifiableMap(copy);
    }

    /**
     * Whether an advertisement selects this protocol: an exact name, a name prefix ({@code *}),
     * matching manufacturer data, or an advertised service, as the reference matches.
     *
     * @param ad what a device advertised
     * @return true when any name, manufacturer data pattern or advertised service matches
     */
    public boolean matches(Advertisement ad) {
        String name = ad.name();
        for (String pattern : names) {
            if (pattern.equals(name)) {
                return true;
            }
            if (pattern.endsWith("*") && !name.isEmpty()
                    && name.startsWith(pattern.substring(0, pattern.length() - 1))) {
                return true;
            }
        }
        for (ManufacturerDataPattern pattern : manufacturerData) {
            if (pattern.matches(ad.manufacturerData())) {
                return true;
            }
        }
        for (UUID service : ad.serviceUuids()) {
            if (advertisedServices.contains(service)) {
                return true;
            }
        }
        return false;
    }
}
