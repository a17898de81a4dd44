package io.github.buttplugjava.core.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs tasks one at a time, in submission order, on a backing executor: the one-thread-at-a-time
 * discipline of sessions, clients, connectors and BLE event delivery without a thread of their own.
 * Internal plumbing shared by the buttplug-java modules; public only so sibling modules can use it.
 */
public final class SerialExecutor implements Executor {

    private static final Logger log = LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor backing;
    private final boolean dropWhenRejected;
    /**
     * Room for 2 tasks at first, growing as needed: most serial executors are idle (one or more per
     * link, device and session), and an empty default deque holds 17 slots (issue #17's memory per idle link).
     */
    private final Deque<Runnable> tasks = new ArrayDeque<>(2);
    private boolean running;

    /**
     * A serial view of {@code backing}; if {@code backing} rejects the drain task, {@link #execute}
     * throws its {@link RejectedExecutionException}.
     *
     * @param backing runs the drain task; any executor, even a multi-threaded one
     */
    public SerialExecutor(Executor backing) {
        this(backing, false);
    }

    private SerialExecutor(Executor backing, boolean dropWhenRejected) {
        this.backing = Objects.requireNonNull(backing, "backing");
        this.dropWhenRejected = dropWhenRejected;
    }

    /**
     * A serial view of {@code backing} for event delivery that may outlive it: once {@code backing}
     * rejects work (it was shut down), pending and new tasks are dropped instead of thrown at the
     * caller, which is typically a driver's callback thread.
     *
     * @param backing runs the drain task; may be shut down while events still arrive
     * @return the serial executor
     */
    public static SerialExecutor droppingWhenRejected(Executor backing) {
        return new SerialExecutor(backing, true);
    }

    @Override
    public void execute(Runnable task) {
        submit(task, false);
    }

    /**
     * Runs {@code task} ahead of every task still waiting (after the one running now, if any):
     * for the end of a link, which must not wait behind what the link queued before it ended.
     *
     * @param task the task to run next
     */
    public void executeFirst(Runnable task) {
        submit(task, true);
    }

    private void submit(Runnable task, boolean first) {
        Objects.requireNonNull(task, "task");
        synchronized (tasks) {
            if (first) {
                tasks.addFirst(task);
            } else {
                tasks.addLast(task);
            }
            if (running) {
                return;
            }
            running = true;
        }
        try {
            backing.execute(this::drain);
        } catch (RejectedExecutionException e) {
            if (!dropWhenRejected) {
                throw e;
            }
            synchronized (tasks) {
                running = false;
                tasks.clear();
            }
            log.debug("backing executor shut down, tasks dropped");
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (tasks) {
                next = tasks.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException | Error e) {
                log.warn("task failed on serial executor", e);
            }
        }
    }
}
