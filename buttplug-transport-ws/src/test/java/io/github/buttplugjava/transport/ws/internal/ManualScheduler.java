package io.github.buttplugjava.transport.ws.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler on virtual time for tests: nothing runs until {@link #advance(Duration)}, which runs
 * every task that falls due, in time order, on the calling thread. Periodic tasks reschedule
 * themselves. {@link #execute} runs at once.
 */
final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
    private long now;
    private long sequence;

    /** Virtual nanoseconds since creation. */
    synchronized long nanos() {
        return now;
    }

    /** Tasks waiting (not cancelled). */
    synchronized int pending() {
        return (int) queue.stream().filter(t -> !t.isCancelled()).count();
    }

    /** Moves time forward by {@code by}, running what falls due on the way. */
    void advance(Duration by) {
        long until;
        synchronized (this) {
            until = now + by.toNanos();
        }
        while (true) {
            Task<?> next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.at > until) {
                    now = until;
                    return;
                }
                queue.poll();
                now = next.at;
            }
            if (!next.isCancelled()) {
                next.fire();
            }
        }
    }

    private synchronized <V> Task<V> add(Task<V> task) {
        queue.add(task);
        return task;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return add(new Task<>(() -> {
            command.run();
            return null;
        }, deadline(delay, unit), 0));
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return add(new Task<>(callable, deadline(delay, unit), 0));
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return add(new Task<>(() -> {
            command.run();
            return null;
        }, deadline(initialDelay, unit), unit.toNanos(period)));
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return scheduleAtFixedRate(command, initialDelay, delay, unit);
    }

    private synchronized long deadline(long delay, TimeUnit unit) {
        return now + unit.toNanos(Math.max(0, delay));
    }

    @Override
    public void execute(Runnable command) {
        command.run();
    }

    @Override
    public void shutdown() {
    }

    @Override
    public List<Runnable> shutdownNow() {
        return new ArrayList<>();
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

    private final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
        private final long period;
        private final long order;
        private long at;

        Task(Callable<V> body, long at, long period) {
            super(body);
            this.at = at;
            this.period = period;
            synchronized (ManualScheduler.this) {
                this.order = sequence++;
            }
        }

        void fire() {
            if (period == 0) {
                run();
            } else if (runAndReset()) {
                synchronized (ManualScheduler.this) {
                    at += period;
                    queue.add(this);
                }
            }
        }

        @Override
        public long getDelay(TimeUnit unit) {
            synchronized (ManualScheduler.this) {
                return unit.convert(at - now, TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public int compareTo(Delayed other) {
            Task<?> o = (Task<?>) other;
            return at != o.at ? Long.compare(at, o.at) : Long.compare(order, o.order);
        }

        @Override
        public V get() throws InterruptedException, ExecutionException {
            if (!isDone()) {
                throw new IllegalStateException("virtual-time task not run yet: advance the scheduler");
            }
            return super.get();
        }
    }
}
