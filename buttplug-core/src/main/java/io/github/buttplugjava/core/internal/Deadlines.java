package io.github.buttplugjava.core.internal;

import io.github.buttplugjava.core.Scheduling;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Time limits and delays on a {@link Scheduling}'s scheduler instead of the JDK's hidden timer
 * thread ({@code orTimeout}, {@code completeOnTimeout}, {@code delayedExecutor}), so that they
 * follow the scheduling an application (or a test clock) gave. The scheduler only hands off: the
 * work, and anything chained on the futures completed here, runs on the scheduling's executor.
 * Internal API.
 */
public final class Deadlines {

    private Deadlines() {
    }

    /**
     * Fails {@code future} with a {@link TimeoutException} when it is not done within
     * {@code timeout}; like {@link CompletableFuture#orTimeout}, on the given scheduling.
     *
     * @param future     the future to limit (it is the one failed)
     * @param timeout    the limit
     * @param scheduling whose scheduler measures it and whose executor fails the future
     * @param <T>        the result type
     * @return {@code future}
     */
    public static <T> CompletableFuture<T> orTimeout(CompletableFuture<T> future, Duration timeout,
                                                     Scheduling scheduling) {
        return limit(future, timeout, scheduling, () -> future.completeExceptionally(new TimeoutException()));
    }

    /**
     * Completes {@code future} with {@code value} when it is not done within {@code timeout}; like
     * {@link CompletableFuture#completeOnTimeout}, on the given scheduling.
     *
     * @param future     the future to limit (it is the one completed)
     * @param value      its result when the limit passes first
     * @param timeout    the limit
     * @param scheduling whose scheduler measures it and whose executor completes the future
     * @param <T>        the result type
     * @return {@code future}
     */
    public static <T> CompletableFuture<T> completeOnTimeout(CompletableFuture<T> future, T value, Duration timeout,
                                                             Scheduling scheduling) {
        return limit(future, timeout, scheduling, () -> future.complete(value));
    }

    /**
     * Runs {@code task} on the scheduling's executor once {@code delay} has passed.
     *
     * @param delay      least delay
     * @param task       what to run
     * @param scheduling whose scheduler waits and whose executor runs the task
     * @return the scheduled hand-off, to cancel
     */
    public static ScheduledFuture<?> later(Duration delay, Runnable task, Scheduling scheduling) {
        Objects.requireNonNull(task, "task");
        return scheduling.scheduler().schedule(() -> scheduling.executor().execute(task),
                Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    }

    private static <T> CompletableFuture<T> limit(CompletableFuture<T> future, Duration timeout,
                                                  Scheduling scheduling, Runnable onTimeout) {
        Objects.requireNonNull(future, "future");
        if (future.isDone()) {
            return future;
        }
        ScheduledFuture<?> timer = later(timeout, () -> {
            if (!future.isDone()) {
                onTimeout.run();
            }
        }, scheduling);
        future.whenComplete((v, e) -> timer.cancel(false));
        return future;
    }
}
