package io.github.buttplugjava.core.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon thread pools used when the caller injects none, so that an application that forgets to
 * close a client or server still exits. Internal API.
 */
public final class SharedExecutors {

    private static final ExecutorService WORKERS =
            Executors.newCachedThreadPool(daemonThreads("buttplug-worker"));
    private static final ScheduledExecutorService TIMERS = newTimers();

    private SharedExecutors() {
    }

    /** A cached pool of daemon threads for short non-blocking tasks. */
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

    private static ScheduledExecutorService newTimers() {
        ScheduledThreadPoolExecutor timers =
                new ScheduledThreadPoolExecutor(1, daemonThreads("buttplug-timer"));
        timers.setRemoveOnCancelPolicy(true);
        return timers;
    }
}
