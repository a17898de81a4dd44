package io.github.buttplugjava.core.message;

import java.util.Optional;

/**
 * The kinds of output a v4 device feature can have. {@link #wireName()} is the PascalCase name
 * used in JSON; {@link #configName()} the snake_case name of the device configuration files.
 */
public enum OutputType {
    /** Vibration speed; 0 stops. */
    VIBRATE("Vibrate"),
    /** Rotation speed; a range starting below 0 means signed (negative = counter-clockwise). */
    ROTATE("Rotate"),
    /** Oscillation speed. */
    OSCILLATE("Oscillate"),
    /** Constriction (e.g. air pressure) level. */
    CONSTRICT("Constrict"),
    /** Spray power, instantaneous. */
    SPRAY("Spray"),
    /** Temperature, signed: positive heats, negative cools. */
    TEMPERATURE("Temperature"),
    /** Light level; a range of 0..1 is an on/off switch. */
    LED("Led"),
    /** Move to a position as fast as possible. */
    POSITION("Position"),
    /** Move to a position in a linear ramp over a duration, handled by the hardware. */
    HW_POSITION_WITH_DURATION("HwPositionWithDuration");

    private final String wireName;

    OutputType(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The PascalCase name used on the wire.
     *
     * @return the wire name, e.g. {@code "Vibrate"}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * The snake_case name used in device configuration files.
     *
     * @return the configuration name, e.g. {@code "hw_position_with_duration"}
     */
    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The type with this wire name (case-insensitive, as the reference accepts lower case).
     *
     * @param name the wire name in any case, or the configuration name
     * @return the type, or empty when the name is unknown
     */
    public static Optional<OutputType> fromWireName(String name) {
        for (OutputType t : values()) {
            if (t.wireName.equalsIgnoreCase(name) || t.configName().equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
