package io.github.buttplugjava.btle;

import java.util.Locale;
import java.util.Optional;

/**
 * A named endpoint of a device, as the device configuration names them. Protocol handlers speak
 * endpoints; the configuration maps each one to a BLE service and characteristic.
 */
public enum Endpoint {
    /** Command endpoint: some protocols write commands here rather than to {@link #TX}. */
    COMMAND,
    /** Firmware endpoint: the firmware characteristic of devices that expose one. */
    FIRMWARE,
    /** Receive: the characteristic a device notifies or answers on. */
    RX,
    /** Receive: accelerometer readings. */
    RXACCEL,
    /** Receive: the standard BLE battery level characteristic. */
    RXBLEBATTERY,
    /** Receive: the standard BLE model number characteristic. */
    RXBLEMODEL,
    /** Receive: pressure sensor readings. */
    RXPRESSURE,
    /** Receive: touch sensor readings. */
    RXTOUCH,
    /** Transmit: the characteristic most protocols write their commands to. */
    TX,
    /** Transmit: a separate characteristic for mode commands. */
    TXMODE,
    /** Transmit: a separate characteristic for shock (e-stim) commands. */
    TXSHOCK,
    /** Transmit: a separate characteristic for vibration commands. */
    TXVIBRATE,
    /** Transmit: a vendor-specific control characteristic. */
    TXVENDORCONTROL,
    /** Whitelist endpoint, written by protocols whose devices need it before they accept commands. */
    WHITELIST,
    /** Generic endpoint 0: a numbered endpoint that a device configuration maps to an extra characteristic. */
    GENERIC0,
    /** Generic endpoint 1: a numbered endpoint that a device configuration maps to an extra characteristic. */
    GENERIC1,
    /** Generic endpoint 2: a numbered endpoint that a device configuration maps to an extra characteristic. */
    GENERIC2,
    /** Generic endpoint 3: a numbered endpoint that a device configuration maps to an extra characteristic. */
    GENERIC3,
    /** Generic endpoint 4: a numbered endpoint that a device configuration maps to an extra characteristic. */
    GENERIC4,
    /** Generic endpoint 5: a numbered endpoint that a device configuration maps to an extra characteristic. */
    GENERIC5,
    /** Generic endpoint 6: a numbered endpoint that a device configuration maps to an extra characteristic. */
    GENERIC6,
    /** Generic endpoint 7: a numbered endpoint that a device configuration maps to an extra characteristic. */
    GENERIC7,
    /** Generic endpoint 8: a numbered endpoint that a device configuration maps to an extra characteristic. */
    GENERIC8,
    /** Generic endpoint 9: a numbered endpoint that a device configuration maps to an extra characteristic. */
    GENERIC9,
    /** Generic endpoint 10: a numbered endpoint that a device configuration maps to an extra characteristic. */
    GENERIC10,
    /** Generic endpoint 11: a numbered endpoint that a device configuration maps to an extra characteristic. */
    GENERIC11,
    /** Generic endpoint 12: a numbered endpoint that a device configuration maps to an extra characteristic. */
    GENERIC12,
    /** Generic endpoint 13: a numbered endpoint that a device configuration maps to an extra characteristic. */
    GENERIC13,
    /** Generic endpoint 14: a numbered endpoint that a device configuration maps to an extra characteristic. */
    GENERIC14,
    /** Generic endpoint 15: a numbered endpoint that a device configuration maps to an extra characteristic. */
    GENERIC15,
    /** Generic endpoint 16: a numbered endpoint that a device configuration maps to an extra characteristic. */
    GENERIC16,
    /** Generic endpoint 17: a numbered endpoint that a device configuration maps to an extra characteristic. */
    GENERIC17,
    /** Generic endpoint 18: a numbered endpoint that a device configuration maps to an extra characteristic. */
    GENERIC18,
    /** Generic endpoint 19: a numbered endpoint that a device configuration maps to an extra characteristic. */
    GENERIC19,
    /** Generic endpoint 20: a numbered endpoint that a device configuration maps to an extra characteristic. */
    GENERIC20,
    /** Generic endpoint 21: a numbered endpoint that a device configuration maps to an extra characteristic. */
    GENERIC21,
    /** Generic endpoint 22: a numbered endpoint that a device configuration maps to an extra characteristic. */
    GENERIC22,
    /** Generic endpoint 23: a numbered endpoint that a device configuration maps to an extra characteristic. */
    GENERIC23,
    /** Generic endpoint 24: a numbered endpoint that a device configuration maps to an extra characteristic. */
    GENERIC24,
    /** Generic endpoint 25: a numbered endpoint that a device configuration maps to an extra characteristic. */
    GENERIC25,
    /** Generic endpoint 26: a numbered endpoint that a device configuration maps to an extra characteristic. */
    GENERIC26,
    /** Generic endpoint 27: a numbered endpoint that a device configuration maps to an extra characteristic. */
    GENERIC27,
    /** Generic endpoint 28: a numbered endpoint that a device configuration maps to an extra characteristic. */
    GENERIC28,
    /** Generic endpoint 29: a numbered endpoint that a device configuration maps to an extra characteristic. */
    GENERIC29,
    /** Generic endpoint 30: a numbered endpoint that a device configuration maps to an extra characteristic. */
    GENERIC30,
    /** Generic endpoint 31: a numbered endpoint that a device configuration maps to an extra characteristic. */
    GENERIC31;

    /**
     * The lower-case name used in configuration files and test cases, e.g. {@code "tx"}.
     *
     * @return the configuration name, never null
     */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The endpoint with this configuration name (case-insensitive).
     *
     * @param name a configuration name, in any case
     * @return the endpoint, or empty when the name is unknown
     */
    public static Optional<Endpoint> fromConfigName(String name) {
        for (Endpoint e : values()) {
            if (e.name().equalsIgnoreCase(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
