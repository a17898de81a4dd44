package io.github.buttplugjava.btle;

import java.util.Locale;
import java.util.Optional;

/**
 * A named endpoint of a device, as the device configuration names them. Protocol handlers speak
 * endpoints; the configuration maps each one to a BLE service and characteristic.
 */
public enum Endpoint {
    COMMAND, FIRMWARE, RX, RXACCEL, RXBLEBATTERY, RXBLEMODEL, RXPRESSURE, RXTOUCH,
    TX, TXMODE, TXSHOCK, TXVIBRATE, TXVENDORCONTROL, WHITELIST,
    GENERIC0, GENERIC1, GENERIC2, GENERIC3, GENERIC4, GENERIC5, GENERIC6, GENERIC7,
    GENERIC8, GENERIC9, GENERIC10, GENERIC11, GENERIC12, GENERIC13, GENERIC14, GENERIC15,
    GENERIC16, GENERIC17, GENERIC18, GENERIC19, GENERIC20, GENERIC21, GENERIC22, GENERIC23,
    GENERIC24, GENERIC25, GENERIC26, GENERIC27, GENERIC28, GENERIC29, GENERIC30, GENERIC31;

    /** The lower-case name used in configuration files and test cases, e.g. {@code "tx"}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The endpoint with this configuration name (case-insensitive). */
    public static Optional<Endpoint> fromConfigName(String name) {
        for (Endpoint e : values()) {
            if (e.name().equalsIgnoreCase(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
