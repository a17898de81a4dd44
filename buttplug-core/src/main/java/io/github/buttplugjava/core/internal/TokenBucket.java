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
    /** The scale of the last call; a larger one brings its added capacity full. */
    private int lastScale = 1;

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
        return tryTake(n, 1);
    }

    /**
     * Takes {@code n} tokens if there are that many, with rate and capacity multiplied by
     * {@code scale} since the last call (a link whose budget grows with what it drives). A larger
     * scale than before adds its extra capacity full (a device that arrives brings its own burst);
     * a smaller one caps what was saved up at the smaller capacity.
     *
     * @param n     the number of tokens wanted
     * @param scale the multiplier of rate and capacity now, at least 1
     * @return true when they were taken, false (and nothing taken) when there are fewer
     */
    public boolean tryTake(int n, int scale) {
        refill(Math.max(1, scale));
        if (tokens >= n) {
            tokens -= n;
            return true;
        }
        return false;
    }

    private void refill(int scale) {
        long now = nanoClock.getAsLong();
        double capacity = burst * scale;
        if (Double.isInfinite(perSecond)) {
            tokens = capacity;
        } else {
            double added = scale > lastScale ? burst * (scale - lastScale) : 0;
            tokens = Math.min(capacity, tokens + added + (now - lastRefill) / 1e9 * perSecond * scale);
        }
        lastRefill = now;
        lastScale = scale;
    }
}
