package io.github.buttplugjava.btle.lovenseconnect;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler whose periodic tasks run only when the test calls {@link #tick()}; one-shot tasks
 * go to a real scheduler (the device layer's). Records the periods asked for.
 */
final class ManualPollScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    /** A periodic task held for {@link #tick()}. */
    record Periodic(Runnable task, long periodNanos, boolean[] cancelled) implements ScheduledFuture<Object> {
        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed o) {
            return 0;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            cancelled[0] = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled[0];
        }

        @Override
        public boolean isDone() {
            return cancelled[0];
        }

        @Override
        public Object get() {
            throw new UnsupportedOperationException("periodic");
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            throw new UnsupportedOperationException("periodic");
        }
    }

    private final ScheduledExecutorService real;
    final List<Periodic> periodic = new CopyOnWriteArrayList<>();

    ManualPollScheduler(ScheduledExecutorService real) {
        this.real = real;
    }

    /** Runs every periodic task that is not cancelled once; returns how many ran. */
    int tick() {
        int n = 0;
        for (Periodic p : periodic) {
            if (!p.isCancelled()) {
                p.task().run();
                n++;
            }
        }
        return n;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return real.schedule(command, delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return real.schedule(callable, delay, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        Periodic p = new Periodic(command, unit.toNanos(period), new boolean[1]);
        periodic.add(p);
        return p;
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return scheduleAtFixedRate(command, initialDelay, delay, unit);
    }

    @Override
    public void execute(Runnable command) {
        real.execute(command);
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
}
