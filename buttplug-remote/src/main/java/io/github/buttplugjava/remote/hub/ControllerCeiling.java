package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.message.OutputType;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the room owner lets one controller do, on top of what each sharer granted (the sharer's
 * grant, enforced by the agent, stays the absolute limit): the output types it may set, the
 * highest level it may set as a fraction of each output's range (a 100% command from a
 * controller capped at 0.3 reaches the toy at 30% of the range the sharer granted), and how long
 * its access lasts from the moment it is added to the room.
 *
 * <p>Immutable; the {@code with...} methods return changed copies.
 *
 * @param outputs  the output types the controller sees and may set; the others are hidden from it
 * @param maxLevel the highest level, as a fraction of each output's range, in (0, 1]
 * @param validFor how long the controller's access lasts after it is added to the room, or null
 *                 for as long as the room lives
 */
public record ControllerCeiling(Set<OutputType> outputs, double maxLevel, Duration validFor) {

    /** No ceiling of the room owner's own: every output type, full level, no expiry. */
    public static final ControllerCeiling NONE = new ControllerCeiling(EnumSet.allOf(OutputType.class), 1.0, null);

    /**
     * @param outputs  the output types the controller sees and may set; the others are hidden from it
     * @param maxLevel the highest level, as a fraction of each output's range, in (0, 1]
     * @param validFor how long the controller's access lasts after it is added, or null for no end
     * @throws IllegalArgumentException when {@code maxLevel} is outside (0, 1] or {@code validFor}
     *                                  is not positive
     */
    public ControllerCeiling {
        outputs = outputs.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(outputs));
        if (!(maxLevel > 0 && maxLevel <= 1)) {
            throw new IllegalArgumentException("maxLevel must be within (0, 1]");
        }
        if (validFor != null && (validFor.isNegative() || validFor.isZero())) {
            throw new IllegalArgumentException("validFor must be positive");
        }
    }

    /**
     * This ceiling with only {@code types} allowed.
     *
     * @param types the output types the controller may set
     * @return the changed copy
     */
    public ControllerCeiling withOutputs(Set<OutputType> types) {
        return new ControllerCeiling(Objects.requireNonNull(types, "types"), maxLevel, validFor);
    }

    /**
     * This ceiling with another highest level.
     *
     * @param level the highest level, as a fraction of each output's range, in (0, 1]
     * @return the changed copy
     */
    public ControllerCeiling withMaxLevel(double level) {
        return new ControllerCeiling(outputs, level, validFor);
    }

    /**
     * This ceiling with access that ends {@code duration} after the controller is added.
     *
     * @param duration how long the access lasts; positive
     * @return the changed copy
     */
    public ControllerCeiling withValidFor(Duration duration) {
        return new ControllerCeiling(outputs, maxLevel, Objects.requireNonNull(duration, "duration"));
    }

    /**
     * How long the access lasts, if it ends.
     *
     * @return the duration from when the controller is added, or empty for no end
     */
    public Optional<Duration> expiry() {
        return Optional.ofNullable(validFor);
    }

    /**
     * Whether the controller may set {@code type}.
     *
     * @param type an output type
     * @return whether it is allowed
     */
    public boolean allows(OutputType type) {
        return outputs.contains(type);
    }

    /**
     * The highest step of a range of {@code steps} steps this ceiling lets through: the level
     * rounded down, so a ceiling never lets more through than it says.
     *
     * @param steps the top of an output's range
     * @return the highest step allowed, at most {@code steps}
     */
    public int capSteps(int steps) {
        return (int) Math.floor(steps * maxLevel + 1e-9);
    }
}
