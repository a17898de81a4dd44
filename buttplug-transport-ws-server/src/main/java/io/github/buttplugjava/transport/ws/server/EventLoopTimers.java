package io.github.buttplugjava.transport.ws.server;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler that keeps a connection's one-shot timers on the I/O thread that set them: a
 * {@code schedule} called on one of a {@link WebSocketServer}'s I/O threads arms the timer on that
 * thread's event loop (a priority queue of that thread: arming and cancelling take no lock and
 * wake no other thread), anything else goes to the fallback scheduler: one-shot timers set on
 * other threads, periodic tasks, plain tasks, shutdown. The companion of {@link EventLoopAffinity}
 * for the deadlines of request/reply links (one armed and cancelled per request when the link has
 * one request in flight at a time). A timer armed on an event loop is dropped unrun when the
 * server stops, with the sockets whose deadlines it kept.
 */
public final class EventLoopTimers extends AbstractExecutorService implements ScheduledExecutorService {

    private final ScheduledExecutorService fallback;

    private EventLoopTimers(ScheduledExecutorService fallback) {
        this.fallback = fallback;
    }

    /**
     * A scheduler preferring the calling I/O thread's event loop for one-shot timers.
     *
     * @param fallback takes everything else
     * @return the scheduler
     * @throws NullPointerException when {@code fallback} is null
     */
    public static ScheduledExecutorService preferring(ScheduledExecutorService fallback) {
        return new EventLoopTimers(Objects.requireNonNull(fallback, "fallback"));
    }

    /** The calling I/O thread's event loop, when it still takes work; else null. */
    private static EventExecutor loop() {
        if (!(Thread.currentThread() instanceof EventLoopAffinity.IoThread)) {
            return null;
        }
        EventExecutor loop = ThreadExecutorMap.currentExecutor();
        return loop == null || loop.isShuttingDown() ? null : loop;
    }

    /**
     * Arms a one-shot timer, on the calling I/O thread's event loop when there is one.
     *
     * @param command the task
     * @param delay   the delay
     * @param unit    its unit
     * @return the timer
     */
    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        EventExecutor loop = loop();
        if (loop != null) {
            try {
                return loop.schedule(command, delay, unit);
            } catch (RejectedExecutionException e) {
                // shutting down meanwhile: the fallback arms it
            }
        }
        return fallback.schedule(command, delay, unit);
    }

    /**
     * Arms a one-shot timer with a result, on the calling I/O thread's event loop when there is one.
     *
     * @param callable the task
     * @param delay    the delay
     * @param unit     its unit
     * @param <V>      the result's type
     * @return the timer
     */
    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        EventExecutor loop = loop();
        if (loop != null) {
            try {
                return loop.schedule(callable, delay, unit);
            } catch (RejectedExecutionException e) {
                // shutting down meanwhile: the fallback arms it
            }
        }
        return fallback.schedule(callable, delay, unit);
    }

    /**
     * A periodic task, on the fallback.
     *
     * @param command      the task
     * @param initialDelay the first delay
     * @param period       the period
     * @param unit         their unit
     * @return the task's future
     */
    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return fallback.scheduleAtFixedRate(command, initialDelay, period, unit);
    }

    /**
     * A periodic task, on the fallback.
     *
     * @param command      the task
     * @param initialDelay the first delay
     * @param delay        the delay between runs
     * @param unit         their unit
     * @return the task's future
     */
    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return fallback.scheduleWithFixedDelay(command, initialDelay, delay, unit);
    }

    /**
     * Runs {@code command} on the fallback.
     *
     * @param command the task
     */
    @Override
    public void execute(Runnable command) {
        fallback.execute(command);
    }

    /** Shuts the fallback down. */
    @Override
    public void shutdown() {
        fallback.shutdown();
    }

    /**
     * Shuts the fallback down now.
     *
     * @return the fallback's tasks never run
     */
    @Override
    public List<Runnable> shutdownNow() {
        return fallback.shutdownNow();
    }

    /**
     * Whether the fallback is shut down.
     *
     * @return the fallback's answer
     */
    @Override
    public boolean isShutdown() {
        return fallback.isShutdown();
    }

    /**
     * Whether the fallback has terminated.
     *
     * @return the fallback's answer
     */
    @Override
    public boolean isTerminated() {
        return fallback.isTerminated();
    }

    /**
     * Waits for the fallback to terminate.
     *
     * @param timeout how long at most
     * @param unit    its unit
     * @return whether it terminated
     * @throws InterruptedException when interrupted while waiting
     */
    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return fallback.awaitTermination(timeout, unit);
    }

    @Override
    public String toString() {
        return "EventLoopTimers[fallback=" + fallback + "]";
    }
}
