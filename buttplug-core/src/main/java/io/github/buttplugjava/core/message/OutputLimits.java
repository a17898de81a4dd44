package io.github.buttplugjava.core.message;

import java.util.Objects;
import java.util.Optional;

/**
 * What one output type of a feature accepts: the value range (its step limit) and, for
 * {@link OutputType#HW_POSITION_WITH_DURATION} only, the duration range in ms.
 *
 * @param value    accepted values, e.g. {@code [0,20]} or {@code [-20,20]}
 * @param duration accepted durations in ms, or null when the type has none
 */
public record OutputLimits(Range value, Range duration) {

    /**
     * @param value accepted values, e.g. {@code [0,20]} or {@code [-20,20]}
     * @param duration accepted durations in ms, or null when the type has none
     * @throws NullPointerException when {@code value} is null
     */
    public OutputLimits {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Limits with a value range and no duration.
     *
     * @param value the accepted value range
     * @return limits without a duration range
     */
    public static OutputLimits of(Range value) {
        return new OutputLimits(value, null);
    }

    /**
     * The duration range, when the type has one.
     *
     * @return the duration range in ms, or empty when the type has none
     */
    public Optional<Range> durationRange() {
        return Optional.ofNullable(duration);
    }

    /**
     * The number of steps above 0: {@code value.max()}, as the spec's step count.
     *
     * @return the largest accepted value, {@code value().max()}
     */
    public int steps() {
        return value.max();
    }
}
