package io.github.buttplugjava.core.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon thread pools used when the caller injects none (behind
 * {@link io.github.buttplugjava.core.Scheduling#defaults()}), so that an application that forgets
 * to close a client or server still exits. Internal API.
 */
public final class SharedExecutors {

    /**
     * Most worker threads: twice the processors, at least 4. The library's tasks never block
     * (they hand off and return), so more threads would only add switching; a burst of links
     * queues instead of starting a thread per task.
     */
    public static final int MAX_WORKERS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private static final ExecutorService WORKERS = newWorkers();
    private static final ScheduledExecutorService TIMERS = newTimers();

    private SharedExecutors() {
    }

    /**
     * A bounded pool of daemon threads for short non-blocking tasks: at most {@link #MAX_WORKERS}
     * threads, idle ones end after 60 s. Its queue holds at most one task per serial executor
     * (a {@link SerialExecutor} queues one drain while it has work), so it is bounded by the
     * sessions, links and devices alive, which have bounds of their own.
     *
     * @return the shared worker pool; never shut it down
     */
    public static ExecutorService workers() {
        return WORKERS;
    }

    /**
     * One daemon thread for timers (deadlines, pings, timing gaps); tasks must only hand off.
     *
     * @return the shared timer; never shut it down
     */
    public static ScheduledExecutorService timers() {
        return TIMERS;
    }

    /**
     * A thread factory of daemon threads named {@code prefix-N}.
     *
     * @param prefix the thread name prefix, e.g. {@code "bluez-io"}
     * @return a factory numbering its threads from 1
     */
    public static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static ExecutorService newWorkers() {
        ThreadPoolExecutor workers = new ThreadPoolExecutor(MAX_WORKERS, MAX_WORKERS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemonThreads("buttplug-worker"));
        workers.allowCoreThreadTimeOut(true);
        return workers;
    }

    private static ScheduledExecutorService newTimers() {
        ScheduledThreadPoolExecutor timers =
                new ScheduledThreadPoolExecutor(1, daemonThreads("buttplug-timer"));
        timers.setRemoveOnCancelPolicy(true);
        return timers;
    }
}
