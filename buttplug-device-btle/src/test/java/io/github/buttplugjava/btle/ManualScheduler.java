package io.github.buttplugjava.btle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A scheduler whose time moves only when the test calls {@link #advance}: due tasks run on the
 * test's thread, in due order. Its {@link #nanoTime()} is the clock of the device layer under test.
 * Only what the device layer uses is implemented (delayed and fixed-rate tasks, cancellation).
 */
final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    private final AtomicLong now = new AtomicLong();
    private final List<Task> tasks = new ArrayList<>();
    private long sequence;

    /** The scheduler's time, in nanoseconds. */
    long nanoTime() {
        return now.get();
    }

    /** Moves time forward by {@code step}, running every task that falls due, in order. */
    void advance(Duration step) {
        long end = now.get() + step.toNanos();
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream().filter(t -> !t.cancelled && t.due <= end)
                        .min((a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq))
                        .orElse(null);
                if (next == null) {
                    break;
                }
                now.set(Math.max(now.get(), next.due));
                if (next.period > 0) {
                    next.due += next.period;
                } else {
                    tasks.remove(next);
                }
            }
            next.task.run();
        }
        now.set(end);
    }

    /** How many tasks are scheduled and not cancelled. */
    synchronized int pending() {
        tasks.removeIf(t -> t.cancelled);
        return tasks.size();
    }

    private synchronized Task add(Runnable task, long delayNanos, long periodNanos) {
        Task t = new Task(task, now.get() + Math.max(0, delayNanos), periodNanos, sequence++);
        tasks.add(t);
        return t;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return add(command, unit.toNanos(delay), 0);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("not used by the device layer");
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return add(command, unit.toNanos(initialDelay), unit.toNanos(period));
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return add(command, unit.toNanos(initialDelay), unit.toNanos(delay));
    }

    @Override
    public void execute(Runnable command) {
        add(command, 0, 0);
    }

    @Override
    public void shutdown() {
    }

    @Override
    public List<Runnable> shutdownNow() {
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }

    private final class Task implements ScheduledFuture<Object> {
        final Runnable task;
        final long period;
        final long seq;
        long due;
        volatile boolean cancelled;

        Task(Runnable task, long due, long period, long seq) {
            this.task = task;
            this.due = due;
            this.period = period;
            this.seq = seq;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(due - now.get(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), o.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            cancelled = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return cancelled;
        }

        @Override
        public Object get() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            throw new UnsupportedOperationException();
        }
    }
}
