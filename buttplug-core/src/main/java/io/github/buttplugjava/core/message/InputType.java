package io.github.buttplugjava.core.message;

import java.util.Optional;

/** The kinds of input (sensor) a v4 device feature can have. */
public enum InputType {
    /** Battery level, percent 0..100. */
    BATTERY("Battery"),
    /** Signal strength, negative dBm. */
    RSSI("Rssi"),
    /** Button: 1 down, 0 up. */
    BUTTON("Button"),
    /** Pressure, device-specific units. */
    PRESSURE("Pressure"),
    /** Depth (declared by configurations; no reading type in 10.x). */
    DEPTH("Depth"),
    /** Position (declared by configurations; no reading type in 10.x). */
    POSITION("Position");

    private final String wireName;

    InputType(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The PascalCase name used on the wire.
     *
     * @return the wire name, e.g. {@code "Battery"}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * The snake_case name used in device configuration files.
     *
     * @return the configuration name, e.g. {@code "battery"}
     */
    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The type with this wire name (case-insensitive; "RSSI" is accepted for {@link #RSSI}).
     *
     * @param name the wire name, in any case
     * @return the type, or empty when the name is unknown
     */
    public static Optional<InputType> fromWireName(String name) {
        for (InputType t : values()) {
            if (t.wireName.equalsIgnoreCase(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
