package io.github.buttplugjava.btle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The periodic work of one device on the device layer's scheduler: each tick only hands its task
 * to the executor. Everything ends with {@link #stop()} (the device disconnected or its source
 * closed), and a task started after that is never scheduled. Thread-safe.
 */
final class PeriodicTicks {

    private final ScheduledExecutorService scheduler;
    private final Executor executor;
    private final List<ScheduledFuture<?>> running = new ArrayList<>();
    private boolean stopped;

    PeriodicTicks(ScheduledExecutorService scheduler, Executor executor) {
        this.scheduler = scheduler;
        this.executor = executor;
    }

    /** Runs {@code task} every {@code interval}, first after one interval, until {@link #stop()}. */
    synchronized void every(Duration interval, Runnable task) {
        if (stopped) {
            return;
        }
        long nanos = interval.toNanos();
        running.add(scheduler.scheduleAtFixedRate(() -> {
            if (!isStopped()) {
                executor.execute(task);
            }
        }, nanos, nanos, TimeUnit.NANOSECONDS));
    }

    synchronized boolean isStopped() {
        return stopped;
    }

    /** Cancels every task; idempotent. */
    void stop() {
        List<ScheduledFuture<?>> cancel;
        synchronized (this) {
            stopped = true;
            cancel = List.copyOf(running);
            running.clear();
        }
        cancel.forEach(f -> f.cancel(false));
    }
}
