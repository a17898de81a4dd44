package io.github.buttplugjava.core.internal;

import java.util.function.LongSupplier;

/**
 * A token bucket counted in whole units (messages, devices): {@code burst} tokens at most, refilled
 * at {@code perSecond}. Not thread-safe; one link uses it serially. The clock is injected so tests
 * need no sleeps.
 */
public final class TokenBucket {

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoClock;
    private double tokens;
    private long lastRefill;

    /**
     * @param perSecond refill rate, positive (infinity: never runs out)
     * @param burst     capacity, positive; the bucket starts full
     * @param nanoClock a monotonic clock in nanoseconds, e.g. {@code System::nanoTime}
     */
    public TokenBucket(double perSecond, double burst, LongSupplier nanoClock) {
        if (!(perSecond > 0) || !(burst > 0)) {
            throw new IllegalArgumentException("rate and burst must be positive");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoClock = nanoClock;
        this.tokens = burst;
        this.lastRefill = nanoClock.getAsLong();
    }

    /**
     * Takes {@code n} tokens if there are that many.
     *
     * @param n the number of tokens wanted
     * @return true when they were taken, false (and nothing taken) when there are fewer
     */
    public boolean tryTake(int n) {
        refill();
        if (tokens >= n) {
            tokens -= n;
            return true;
        }
        return false;
    }

    private void refill() {
        long now = nanoClock.getAsLong();
        if (Double.isInfinite(perSecond)) {
            tokens = burst;
        } else {
            tokens = Math.min(burst, tokens + (now - lastRefill) / 1e9 * perSecond);
        }
        lastRefill = now;
    }
}
