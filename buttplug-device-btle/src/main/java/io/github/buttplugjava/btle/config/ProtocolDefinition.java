package io.github.buttplugjava.btle.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One protocol of the configuration.
 *
 * @param id             the protocol id, e.g. {@code "lovense"}
 * @param btle           how its devices look over BLE; empty for protocols on other buses
 * @param serial         how its devices are reached over a serial port; empty when not serial
 * @param defaults       name and features when no configuration matches the model
 * @param configurations per-model configurations, selected by identifier
 */
public record ProtocolDefinition(String id, Optional<BtleSpecifier> btle, Optional<SerialSpecifier> serial,
                                 DeviceTemplate defaults, List<DeviceTemplate> configurations) {

    /**
     * Copies the list.
     *
     * @param id the protocol id, e.g. {@code "lovense"}
     * @param btle how its devices look over BLE; empty for protocols on other buses
     * @param serial how its devices are reached over a serial port; empty when not serial
     * @param defaults name and features when no configuration matches the model
     * @param configurations per-model configurations, selected by identifier
     */
    public ProtocolDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(btle, "btle");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(defaults, "defaults");
        configurations = List.copyOf(configurations);
    }

    /**
     * A protocol without a serial specifier.
     *
     * @param id the protocol id, e.g. {@code "lovense"}
     * @param btle how its devices look over BLE; empty for protocols on other buses
     * @param defaults name and features when no configuration matches the model
     * @param configurations per-model configurations, selected by identifier
     */
    public ProtocolDefinition(String id, Optional<BtleSpecifier> btle, DeviceTemplate defaults,
                              List<DeviceTemplate> configurations) {
        this(id, btle, Optional.empty(), defaults, configurations);
    }

    /**
     * The configuration for a model identifier, merged over the defaults; else the defaults.
     *
     * @param identifier the model identifier the protocol reported (e.g. Lovense {@code "Z"})
     * @return the matching configuration merged over the defaults, or the defaults
     */
    public DeviceTemplate template(String identifier) {
        for (DeviceTemplate t : configurations) {
            if (t.identifiers().contains(identifier)) {
                return t.over(defaults);
            }
        }
        return defaults;
    }
}
