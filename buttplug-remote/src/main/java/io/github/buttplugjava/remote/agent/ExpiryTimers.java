package io.github.buttplugjava.remote.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One timer per grant (by local identifier; {@code null} for the default grant) that fires just
 * after the grant's expiry, never before it, so the expiry check then sees the grant expired.
 * Callers hold their own lock; this class is not thread-safe.
 */
final class ExpiryTimers {

    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Map<String, ScheduledFuture<?>> timers = new HashMap<>();

    ExpiryTimers(ScheduledExecutorService scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Cancels every timer (the filter closed), so none holds the scheduler's queue. */
    void cancelAll() {
        timers.values().forEach(t -> t.cancel(false));
        timers.clear();
    }

    /** Cancels the timer of {@code key}, then, if {@code when} is not null, runs {@code task} just after it. */
    void arm(String key, Instant when, Runnable task) {
        ScheduledFuture<?> old = timers.remove(key);
        if (old != null) {
            old.cancel(false);
        }
        if (when != null) {
            long delay = Math.max(0, Duration.between(clock.instant(), when).toNanos()) + 1_000_000;
            timers.put(key, scheduler.schedule(task, delay, TimeUnit.NANOSECONDS));
        }
    }
}
