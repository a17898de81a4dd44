package io.github.buttplugjava.core.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs tasks one at a time, in submission order, on a backing executor: the one-thread-at-a-time
 * discipline of sessions, clients, connectors and BLE event delivery without a thread of their own.
 * Internal plumbing shared by the buttplug-java modules; public only so sibling modules can use it.
 *
 * <p>{@link #executeHere} lets library code that runs no user callback (a client sending a request,
 * a session handling a frame from an in-process client) run on the submitting thread when the
 * executor is idle, which saves waking a pooled thread: only that one task runs there; whatever is
 * submitted while it runs (replies, events, listener calls) is handed to the backing executor after
 * it, as usual. At most {@link #MAX_NESTED_HERE} such tasks nest on one thread.
 */
public final class SerialExecutor implements Executor {

    private static final Logger log = LoggerFactory.getLogger(SerialExecutor.class);

    /**
     * Most {@link #executeHere} tasks running nested on one thread (a client's send runs a session's
     * frame, whose device is another client's, ...); past it the task is queued instead.
     */
    public static final int MAX_NESTED_HERE = 4;

    /** How many {@link #executeHere} tasks the current thread is running, nested. */
    private static final ThreadLocal<int[]> NESTED_HERE = ThreadLocal.withInitial(() -> new int[1]);

    private final Executor backing;
    private final boolean dropWhenRejected;
    // The waiting tasks, oldest first: the head in a field of its own and the rest in a deque made
    // when a second task waits and let go when it drains. Most serial executors are idle or hold one
    // task (one or more per link, device and session), so they hold no deque (issue #17's memory per
    // idle link). Guarded by this instance's monitor (the class is internal: nothing outside locks it),
    // never held while a task runs.
    private Runnable head;
    private ArrayDeque<Runnable> rest;
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

    /**
     * Runs {@code task} on the calling thread now when this executor is idle (no task running or
     * waiting) and the thread runs fewer than {@link #MAX_NESTED_HERE} such tasks already; otherwise
     * queues it as {@link #execute} does. Either way it runs in submission order and never at the same
     * time as another task of this executor. Tasks submitted while it runs here wait for it and then
     * run on the backing executor, never on this thread: only {@code task} itself moves to the caller.
     *
     * <p>For library code that runs no user callback, holds no lock the caller might hold and never
     * blocks. A task that throws is logged, as on the backing executor.
     *
     * @param task the task
     * @return whether it ran here (false: it was queued)
     * @throws RejectedExecutionException as {@link #execute} does, when the backing executor rejects
     *         the drain of what was queued (not for executors made by {@link #droppingWhenRejected})
     */
    public boolean executeHere(Runnable task) {
        return executeHere(task, task);
    }

    /**
     * As {@link #executeHere(Runnable)}, with a different task for each case: {@code here} when it
     * runs on the calling thread, {@code queued} when it has to wait (for code that may do more when
     * it knows nobody has seen its result yet).
     *
     * @param here the task to run on the calling thread
     * @param queued the task to queue instead
     * @return whether {@code here} ran (false: {@code queued} was queued)
     * @throws RejectedExecutionException as {@link #execute} does
     */
    public boolean executeHere(Runnable here, Runnable queued) {
        Objects.requireNonNull(here, "here");
        Objects.requireNonNull(queued, "queued");
        int[] nested = NESTED_HERE.get();
        if (nested[0] >= MAX_NESTED_HERE) {
            submit(queued, false);
            return false;
        }
        synchronized (this) {
            if (running) {
                enqueue(queued, false);
                return false;
            }
            running = true;
        }
        nested[0]++;
        try {
            here.run();
        } catch (RuntimeException | Error e) {
            log.warn("task failed on serial executor", e);
        } finally {
            nested[0]--;
            releaseHere();
        }
        return true;
    }

    /**
     * Whether tasks wait behind the one running now (for a task that may handle something at once
     * only when nothing queued before it would be overtaken).
     *
     * @return true when at least one task is queued
     */
    public synchronized boolean hasQueued() {
        return head != null;
    }

    /**
     * Queues {@code task} without starting anything, for a caller that orders its tasks under a
     * lock of its own (which must not be held while tasks run): it calls this under its lock and,
     * when this returns true, {@link #drainOffered()} once it has released the lock. Tasks run in
     * the order they were offered, with those submitted by the other methods.
     *
     * @param task the task
     * @return true when the caller must call {@link #drainOffered()} (nothing was running); false
     *         when a task is running or a drain is due and will run this one too
     */
    public boolean offer(Runnable task) {
        Objects.requireNonNull(task, "task");
        synchronized (this) {
            enqueue(task, false);
            if (running) {
                return false;
            }
            running = true;
            return true;
        }
    }

    /**
     * Runs what was {@linkplain #offer offered}, on the backing executor; for the caller that
     * {@link #offer} answered true, once, outside its lock.
     *
     * @throws RejectedExecutionException as {@link #execute} does
     */
    public void drainOffered() {
        startDrain();
    }

    /** After a task ran here: idle again, or what came meanwhile goes to the backing executor. */
    private void releaseHere() {
        synchronized (this) {
            if (head == null) {
                running = false;
                return;
            }
        }
        startDrain();
    }

    private void submit(Runnable task, boolean first) {
        Objects.requireNonNull(task, "task");
        synchronized (this) {
            enqueue(task, first);
            if (running) {
                return;
            }
            running = true;
        }
        startDrain();
    }

    /** Adds a waiting task, last or first; under the monitor. */
    private void enqueue(Runnable task, boolean first) {
        if (head == null) {
            head = task;
            return;
        }
        if (rest == null) {
            rest = new ArrayDeque<>(2);
        }
        if (first) {
            rest.addFirst(head);
            head = task;
        } else {
            rest.addLast(task);
        }
    }

    /** Takes the oldest waiting task, or null; under the monitor. */
    private Runnable poll() {
        Runnable next = head;
        if (next != null) {
            head = rest == null ? null : rest.poll();
            if (rest != null && rest.isEmpty()) {
                rest = null;
            }
        }
        return next;
    }

    /** Hands the drain to the backing executor; {@code running} is already set. */
    private void startDrain() {
        try {
            backing.execute(this::drain);
        } catch (RejectedExecutionException e) {
            if (!dropWhenRejected) {
                throw e;
            }
            synchronized (this) {
                running = false;
                head = null;
                rest = null;
            }
            log.debug("backing executor shut down, tasks dropped");
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = poll();
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
