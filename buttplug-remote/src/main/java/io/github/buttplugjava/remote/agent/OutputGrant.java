package io.github.buttplugjava.remote.agent;

import java.time.Duration;
import java.util.Objects;

/**
 * What a controller may do with one output type of a shared device: up to a fraction of the
 * device's range, no more often than a minimum interval.
 *
 * <p>The device is advertised with its step range shrunk to {@code maxLevel} (a vibrator of
 * {@code 0..20} at 0.5 is advertised as {@code 0..10}), in the device's own step units, so a
 * controller's 100% arrives at the toy as the granted maximum.
 *
 * @param maxLevel    the largest fraction of the device's range a command may reach, in (0, 1]
 * @param minInterval least time between two commands to one feature of this type; zero for none.
 *                    Commands that set a speed-like output to 0 are never refused for coming too
 *                    soon, so stopping always works
 */
public record OutputGrant(double maxLevel, Duration minInterval) {

    /** Full range, no interval. */
    public static final OutputGrant FULL = new OutputGrant(1.0, Duration.ZERO);

    /**
     *
     * @param maxLevel the largest fraction of the device's range, in (0, 1]
     * @param minInterval least time between two commands to one feature; zero for none
     * @throws IllegalArgumentException when {@code maxLevel} is outside (0, 1] or the interval is negative
     */
    public OutputGrant {
        if (!(maxLevel > 0 && maxLevel <= 1.0)) {
            throw new IllegalArgumentException("maxLevel must be within (0, 1]: " + maxLevel);
        }
        Objects.requireNonNull(minInterval, "minInterval");
        if (minInterval.isNegative()) {
            throw new IllegalArgumentException("minInterval must not be negative");
        }
    }

    /**
     * A grant of up to {@code maxLevel}, no interval.
     *
     * @param maxLevel the largest fraction of the device's range, in (0, 1]
     * @return the grant
     */
    public static OutputGrant upTo(double maxLevel) {
        return new OutputGrant(maxLevel, Duration.ZERO);
    }

    /**
     * A copy with another minimum interval.
     *
     * @param interval least time between two commands; zero for none
     * @return the copy
     */
    public OutputGrant withMinInterval(Duration interval) {
        return new OutputGrant(maxLevel, interval);
    }
}
