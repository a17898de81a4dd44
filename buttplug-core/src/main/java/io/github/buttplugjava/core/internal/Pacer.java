package io.github.buttplugjava.core.internal;

import io.github.buttplugjava.core.Scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Time for holding commands: a monotonic-enough reading in nanoseconds and a way to run a task
 * later. Injectable so that intervals are tested with a clock the test moves, without sleeping.
 */
public interface Pacer {

    /**
     * Now, on this pacer's own scale (only differences mean anything).
     *
     * @return the time in nanoseconds
     */
    long nanos();

    /**
     * Runs {@code task} once, no sooner than {@code delayNanos} from now.
     *
     * @param delayNanos least delay, in nanoseconds
     * @param task       what to run
     */
    void after(long delayNanos, Runnable task);

    /**
     * A pacer reading {@code clock} and scheduling on {@code scheduler}.
     *
     * @param scheduler where delayed tasks run
     * @param clock     the time read
     * @return the pacer
     */
    static Pacer of(ScheduledExecutorService scheduler, Clock clock) {
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(clock, "clock");
        return new Pacer() {
            @Override
            public long nanos() {
                Instant now = clock.instant();
                return Duration.between(Instant.EPOCH, now).toNanos();
            }

            @Override
            public void after(long delayNanos, Runnable task) {
                scheduler.schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
            }
        };
    }

    /**
     * A pacer on {@code scheduling}: its {@link Scheduling#nanoTime()} and its scheduler.
     *
     * @param scheduling where delayed tasks run and how time is read
     * @return the pacer
     */
    static Pacer of(Scheduling scheduling) {
        Objects.requireNonNull(scheduling, "scheduling");
        return new Pacer() {
            @Override
            public long nanos() {
                return scheduling.nanoTime();
            }

            @Override
            public void after(long delayNanos, Runnable task) {
                scheduling.scheduler().schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
            }
        };
    }

    /** A pacer for queues that never hold for time: it reads {@link System#nanoTime()} and cannot schedule. */
    Pacer UNPACED = new Pacer() {
        @Override
        public long nanos() {
            return System.nanoTime();
        }

        @Override
        public void after(long delayNanos, Runnable task) {
            throw new UnsupportedOperationException("this queue holds nothing for time");
        }
    };
}
