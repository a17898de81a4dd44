package io.github.buttplugjava.remote.agent;

import java.time.Duration;

/**
 * How long an agent waits before dialing again: {@code min} after a welcome, doubled after each
 * failed dial or drop, at most {@code max}; each wait taken {@linkplain #jittered jittered} in its
 * upper half. An immutable value; the agent keeps the current one.
 *
 * @param min  the first wait; positive
 * @param max  the longest wait; at least {@code min}
 * @param delay the wait before the next dial
 */
record Backoff(Duration min, Duration max, Duration delay) {

    /** The first wait of a fresh agent. */
    static Backoff starting(Duration min, Duration max) {
        return new Backoff(min, max, min);
    }

    /** The backoff after one more failure: the wait doubled, at most {@link #max}. */
    Backoff doubled() {
        Duration twice = delay.multipliedBy(2);
        return new Backoff(min, max, twice.compareTo(max) > 0 ? max : twice);
    }

    /**
     * The wait to use now: somewhere in the upper half of {@link #delay} ("equal jitter"), so agents
     * dropped together (a hub node lost, a cluster link storm) do not all dial again in the same
     * instant; never longer than {@code delay}, never shorter than half of it.
     *
     * @param unit a random number in [0, 1)
     */
    Duration jittered(double unit) {
        if (!(unit >= 0 && unit < 1)) {
            throw new IllegalArgumentException("unit must be in [0, 1): " + unit);
        }
        long nanos = delay.toNanos();
        return Duration.ofNanos(nanos - (long) (nanos / 2 * unit));
    }

    /** The backoff after a welcome: back to {@link #min}. */
    Backoff reset() {
        return new Backoff(min, max, min);
    }
}
