package io.github.buttplugjava.testsupport.time;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The scheduler of a {@link VirtualTime}: a queue of tasks by due time that runs only inside
 * {@link VirtualTime#advance}, on the advancing thread. {@link #execute} queues a task due now (it
 * runs at the next advance, even by zero). Cancelled tasks leave the queue at once.
 */
final class VirtualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    /** Most tasks one advance runs; more means tasks that keep scheduling themselves at no delay. */
    private static final int MAX_TASKS_PER_ADVANCE = 1_000_000;

    private final VirtualTime time;
    private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
    private long sequence;
    private boolean shutdown;

    VirtualScheduler(VirtualTime time) {
        this.time = time;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return add(new Task<Void>(Executors.callable(command, null), time.nanosFromNow(delay, unit), 0));
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return add(new Task<>(callable, time.nanosFromNow(delay, unit), 0));
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        if (period <= 0) {
            throw new IllegalArgumentException("period must be positive");
        }
        return add(new Task<Void>(Executors.callable(command, null), time.nanosFromNow(initialDelay, unit),
                unit.toNanos(period)));
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        if (delay <= 0) {
            throw new IllegalArgumentException("delay must be positive");
        }
        return add(new Task<Void>(Executors.callable(command, null), time.nanosFromNow(initialDelay, unit),
                -unit.toNanos(delay)));
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> left = new ArrayList<>(queue);
        queue.clear();
        return left;
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown && queue.isEmpty();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isTerminated();
    }

    synchronized int pending() {
        return queue.size();
    }

    synchronized long nextDueNanos() {
        Task<?> next = queue.peek();
        return next == null ? -1 : next.due;
    }

    /** Runs every task due up to {@code target}, moving the clock to each due time, then to {@code target}. */
    void runUntil(long target) {
        for (int i = 0; i < MAX_TASKS_PER_ADVANCE; i++) {
            Task<?> next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.due > target) {
                    time.moveTo(Math.max(target, time.elapsedNanos()));
                    return;
                }
                queue.poll();
                if (next.due > time.elapsedNanos()) {
                    time.moveTo(next.due);
                }
            }
            next.run();
        }
        throw new AssertionError("tasks keep scheduling themselves: more than " + MAX_TASKS_PER_ADVANCE + " in one advance");
    }

    private synchronized <V> Task<V> add(Task<V> task) {
        if (shutdown) {
            throw new RejectedExecutionException("virtual scheduler shut down");
        }
        task.seq = sequence++;
        queue.add(task);
        return task;
    }

    private synchronized void remove(Task<?> task) {
        queue.remove(task);
    }

    private final class Task<V> extends FutureTask<V> implements RunnableScheduledFuture<V> {
        private long due;
        private long seq;
        /** 0: once; positive: fixed rate; negative: fixed delay. */
        private final long period;

        Task(Callable<V> callable, long due, long period) {
            super(callable);
            this.due = due;
            this.period = period;
        }

        @Override
        public boolean isPeriodic() {
            return period != 0;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(due - time.elapsedNanos(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            if (other == this) {
                return 0;
            }
            if (other instanceof Task<?> t) {
                return due != t.due ? Long.compare(due, t.due) : Long.compare(seq, t.seq);
            }
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public void run() {
            if (!isPeriodic()) {
                super.run();
                return;
            }
            if (runAndReset()) {
                due = period > 0 ? due + period : time.elapsedNanos() - period;
                synchronized (VirtualScheduler.this) {
                    if (!shutdown && !isCancelled()) {
                        seq = sequence++;
                        queue.add(this);
                    }
                }
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            if (cancelled) {
                remove(this);
            }
            return cancelled;
        }
    }
}
