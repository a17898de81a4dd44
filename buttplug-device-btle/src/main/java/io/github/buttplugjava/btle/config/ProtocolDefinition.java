package io.github.buttplugjava.btle.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One protocol of the configuration.
 *
 * @param id             the protocol id, e.g. {@code "lovense"}
 * @param btle           how its devices look over BLE; empty for protocols on other buses
 * @param serial         how its devices are reached over a serial port (the line settings of a port
 *                       the configuration does not name); empty when not serial
 * @param serialPorts    the serial ports the configuration names for this protocol, each with its
 *                       own line settings (a user configuration's {@code serial} entries); a port
 *                       appears once
 * @param defaults       name and features when no configuration matches the model
 * @param configurations per-model configurations, selected by identifier
 */
public record ProtocolDefinition(String id, Optional<BtleSpecifier> btle, Optional<SerialSpecifier> serial,
                                 List<SerialSpecifier> serialPorts, DeviceTemplate defaults,
                                 List<DeviceTemplate> configurations) {

    /**
     * Copies the lists.
     *
     * @param id the protocol id, e.g. {@code "lovense"}
     * @param btle how its devices look over BLE; empty for protocols on other buses
     * @param serial the line settings of a port the configuration does not name; empty when not serial
     * @param serialPorts the serial ports the configuration names, each once
     * @param defaults name and features when no configuration matches the model
     * @param configurations per-model configurations, selected by identifier
     * @throws IllegalArgumentException when a port in {@code serialPorts} is {@code "default"} or listed twice
     */
    public ProtocolDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(btle, "btle");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(defaults, "defaults");
        serialPorts = List.copyOf(serialPorts);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (SerialSpecifier s : serialPorts) {
            if (!s.namesPort()) {
                throw new IllegalArgumentException("protocol " + id + ": a configured serial port needs a port name");
            }
            if (!seen.add(s.port())) {
                throw new IllegalArgumentException("protocol " + id + ": serial port " + s.port() + " is configured twice");
            }
        }
        configurations = List.copyOf(configurations);
    }

    /**
     * A protocol whose serial entry, if any, is its only configured port when it names one.
     *
     * @param id the protocol id, e.g. {@code "lovense"}
     * @param btle how its devices look over BLE; empty for protocols on other buses
     * @param serial how its devices are reached over a serial port; empty when not serial
     * @param defaults name and features when no configuration matches the model
     * @param configurations per-model configurations, selected by identifier
     */
    public ProtocolDefinition(String id, Optional<BtleSpecifier> btle, Optional<SerialSpecifier> serial,
                              DeviceTemplate defaults, List<DeviceTemplate> configurations) {
        this(id, btle, serial, serial.filter(SerialSpecifier::namesPort).stream().toList(), defaults, configurations);
    }

    /**
     * The line settings for a port: those of the configuration's entry naming that port, else the
     * protocol's ({@link #serial()}).
     *
     * @param port the port path
     * @return the settings, or empty when the protocol is not a serial protocol
     */
    public Optional<SerialSpecifier> serialFor(String port) {
        for (SerialSpecifier s : serialPorts) {
            if (s.port().equals(port)) {
                return Optional.of(s);
            }
        }
        return serial;
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
