package io.github.buttplugjava.core.internal;

import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;

/** A pacer whose time moves only when the test says so; due tasks run on the test's thread. */
final class ManualPacer implements Pacer {

    private record Task(long due, long seq, Runnable run) {
    }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) ->
            a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
    private long now = TimeUnit.DAYS.toNanos(1);
    private long seq;

    @Override
    public synchronized long nanos() {
        return now;
    }

    @Override
    public synchronized void after(long delayNanos, Runnable task) {
        tasks.add(new Task(now + Math.max(0, delayNanos), seq++, task));
    }

    /** Moves time forward by {@code nanos}, running every task that falls due, in order. */
    void advance(long nanos) {
        long target;
        synchronized (this) {
            target = now + nanos;
        }
        for (int i = 0; i < 1_000_000; i++) { // bounded: a test never schedules this many
            Task next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.due > target) {
                    now = target;
                    return;
                }
                tasks.poll();
                now = next.due;
            }
            next.run.run();
        }
        throw new AssertionError("tasks keep scheduling themselves");
    }

    void advanceMillis(long ms) {
        advance(TimeUnit.MILLISECONDS.toNanos(ms));
    }

    synchronized int scheduled() {
        return tasks.size();
    }
}
