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

    /** Takes {@code n} tokens if there are that many. */
    public boolean tryTake(int n) {
        refill();
        if (tokens >= n) {
            tokens -= n;
            return true;
        }
        return false;
    }

    /**
     * Takes {@code n} tokens whether there are or not (the bucket may go into debt, at most one
     * burst deep) and returns how long, in nanoseconds, until it is out of debt again (0 when it
     * was not in debt).
     */
    public long take(int n) {
        refill();
        tokens = Math.max(-burst, tokens - n);
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / perSecond * 1e9);
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
