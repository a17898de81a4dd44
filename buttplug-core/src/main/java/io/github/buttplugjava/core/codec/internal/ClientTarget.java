package io.github.buttplugjava.core.codec.internal;

import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputType;

/**
 * What a v4 feature rebuilt from a legacy (v0..v3) device description stands for: which legacy
 * message drives it, at which per-type index, with how many steps.
 *
 * @param kind        the legacy message family
 * @param legacyIndex the Index / SensorIndex within that family (0 for single-motor and battery)
 * @param output      the output type the feature offers, or null for sensors
 * @param actuator    the v3 ActuatorType text, or null
 * @param steps       the step count (legacy floats are {@code value / steps})
 * @param input       the input type for sensors, or null
 */
public record ClientTarget(Kind kind, int legacyIndex, OutputType output, String actuator,
                           int steps, InputType input) {
    /** The legacy message families. */
    public enum Kind {
        /** v3 ScalarCmd. */
        SCALAR,
        /** v1/v2 VibrateCmd. */
        VIBRATE,
        /** v0 SingleMotorVibrateCmd (every motor at once). */
        SINGLE_MOTOR,
        /** v1..v3 RotateCmd. */
        ROTATE,
        /** v1..v3 LinearCmd. */
        LINEAR,
        /** v3 SensorReadCmd. */
        SENSOR_READ,
        /** v3 SensorSubscribeCmd / SensorUnsubscribeCmd. */
        SENSOR_SUBSCRIBE,
        /** v2 BatteryLevelCmd. */
        BATTERY_LEVEL
    }

    /** An output target. */
    static ClientTarget output(Kind kind, int index, OutputType type, String actuator, int steps) {
        return new ClientTarget(kind, index, type, actuator, steps, null);
    }

    /** A sensor target. */
    static ClientTarget sensor(Kind kind, int index, InputType type) {
        return new ClientTarget(kind, index, null, null, 0, type);
    }
}
