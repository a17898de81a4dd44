package io.github.buttplugjava.remote.hub;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket for devices an agent adds: {@code burst} at once, refilled at {@code perMinute}.
 * Devices of the agent's first list are free ({@link #firstListDone()} starts the counting).
 * Not thread-safe: the owner synchronizes.
 */
final class ChurnBudget {

    private final double perNano;
    private final int burst;
    private final LongSupplier nanos;
    private double tokens;
    private long last;
    private boolean counting;

    ChurnBudget(int perMinute, int burst, LongSupplier nanos) {
        this.perNano = perMinute / (double) TimeUnit.MINUTES.toNanos(1);
        this.burst = burst;
        this.nanos = nanos;
        this.tokens = burst;
        this.last = nanos.getAsLong();
    }

    /** From now on every added device costs a token. */
    void firstListDone() {
        if (!counting) {
            counting = true;
            tokens = burst;
            last = nanos.getAsLong();
        }
    }

    /** Takes one token for an added device; false when the bucket is empty. */
    boolean tryAdd() {
        if (!counting) {
            return true;
        }
        long now = nanos.getAsLong();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
