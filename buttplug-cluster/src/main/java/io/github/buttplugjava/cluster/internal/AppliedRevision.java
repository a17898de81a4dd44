package io.github.buttplugjava.cluster.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The newest revision of the rooms bucket this node's watch has applied (index updated, the
 * running room changed), so a change made through this node can wait until this node has it:
 * the watch delivers in revision order, and a write's own reply may come back before it.
 * The watch's thread never waits here (it is the one that moves the revision on).
 */
public final class AppliedRevision {

    private long applied;
    private Thread watchThread;

    /**
     * The watch applied the entry of {@code revision} (every earlier one was applied before it).
     *
     * @param revision the entry's revision in the bucket
     */
    public synchronized void applied(long revision) {
        watchThread = Thread.currentThread();
        if (revision > applied) {
            applied = revision;
            notifyAll();
        }
    }

    /**
     * Waits until the watch has applied {@code revision}, at most {@code bound}. Returns at once
     * on the watch's own thread, which cannot apply anything while it waits.
     *
     * @param revision the revision of a write made through this node
     * @param bound    how long to wait at most
     * @return false when the bound passed first (the write is stored; this node has it later)
     * @throws InterruptedException when interrupted while waiting
     */
    public synchronized boolean await(long revision, Duration bound) throws InterruptedException {
        if (Thread.currentThread() == watchThread) {
            return applied >= revision;
        }
        long deadline = System.nanoTime() + bound.toNanos();
        while (applied < revision) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /**
     * The newest revision applied.
     *
     * @return the revision, 0 before the first
     */
    public synchronized long applied() {
        return applied;
    }
}
