package io.github.buttplugjava.btle.internal;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/** Runs tasks one after another on a shared executor, so listener events stay in order. */
public final class SerialExecutor implements Executor {

    private final Executor delegate;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private boolean running;

    /** Runs tasks in order on {@code delegate}. */
    public SerialExecutor(Executor delegate) {
        this.delegate = delegate;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        try {
            delegate.execute(this::drain);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            synchronized (this) {
                running = false;
                tasks.clear();
            }
            org.slf4j.LoggerFactory.getLogger(SerialExecutor.class).debug("executor shut down, events dropped");
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = tasks.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(SerialExecutor.class).warn("listener failed", e);
            }
        }
    }
}
