package io.github.buttplugjava.core.message;

import java.util.Objects;

/**
 * The command part of an {@link OutputCmd}: an output type, an integer value within the feature's
 * advertised range, and for {@link OutputType#HW_POSITION_WITH_DURATION} a duration in ms.
 *
 * @param type       the output type
 * @param value      the step value
 * @param durationMs the ramp duration in ms for {@code HwPositionWithDuration}, else 0
 */
public record OutputCommand(OutputType type, int value, long durationMs) {

    /**
     * @param type the output type
     * @param value the step value
     * @param durationMs the ramp duration in ms for {@code HwPositionWithDuration}, else 0
     * @throws IllegalArgumentException on a duration for a type without one, or a negative one
     */
    public OutputCommand {
        Objects.requireNonNull(type, "type");
        if (durationMs < 0 || durationMs > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("duration must be within 0..4294967295 ms");
        }
        if (type != OutputType.HW_POSITION_WITH_DURATION && durationMs != 0) {
            throw new IllegalArgumentException(type.wireName() + " takes no duration");
        }
    }

    /**
     * A command without duration.
     *
     * @param type the output type; not {@link OutputType#HW_POSITION_WITH_DURATION}
     * @param value the step value, within the feature's advertised range
     * @return the command, with a duration of 0
     */
    public static OutputCommand of(OutputType type, int value) {
        return new OutputCommand(type, value, 0);
    }

    /**
     * A {@code HwPositionWithDuration} command.
     *
     * @param position the target position, within the feature's advertised range
     * @param durationMs how long the hardware takes to move there, in ms (0..2^32 - 1)
     * @return the command
     */
    public static OutputCommand positionWithDuration(int position, long durationMs) {
        return new OutputCommand(OutputType.HW_POSITION_WITH_DURATION, position, durationMs);
    }
}
