package io.github.buttplugjava.remote.testing;

import io.github.buttplugjava.core.Scheduling;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A hub's executor for tests on virtual time: runs tasks on the shared pool, counts those not yet
 * finished, and lets a test wait until none is left, so that the next step of virtual time does
 * not race a task the previous step started (a heartbeat still finishing skips the next tick, as a
 * slow hub's should). While {@linkplain #stuck stuck} it runs nothing at all: a hub whose processing
 * hangs while its sockets stay open.
 */
public final class QuietableExecutor implements Executor {

    private final Executor pool = Scheduling.defaults().executor();
    private final AtomicInteger unfinished = new AtomicInteger();
    /** While true, tasks are dropped unrun. */
    public volatile boolean stuck;

    @Override
    public void execute(Runnable task) {
        if (stuck) {
            return;
        }
        unfinished.incrementAndGet();
        try {
            pool.execute(() -> {
                try {
                    task.run();
                } finally {
                    unfinished.decrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            unfinished.decrementAndGet();
            throw e;
        }
    }

    /**
     * Waits (bounded, on the wall clock) until every task handed over so far has finished.
     *
     * @throws AssertionError when some task is still running after {@code bound}
     */
    public void awaitQuiet(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (unfinished.get() > 0) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(unfinished.get() + " hub tasks still running after " + bound);
            }
            LockSupport.parkNanos(1_000_000); // bounded poll-until loop
        }
    }
}
