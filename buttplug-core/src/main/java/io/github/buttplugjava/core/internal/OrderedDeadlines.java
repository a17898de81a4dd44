package io.github.buttplugjava.core.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Deadlines of things that all get the same time limit (the requests of one connection or one
 * session), kept with one timer instead of one timer task each. Since every entry gets the same
 * limit, the order they were added in is the order they fall due: the timer is armed only for the
 * oldest, and when it fires it expires every entry due and re-arms for the next. Adding and
 * removing an entry touch only a map, so a request that is answered in time costs no timer work.
 * Each entry still expires exactly at its own deadline (timer lateness aside, as before).
 *
 * <p>Confined to one serial executor: every method must run on it, and expiries run on it.
 * Holds at most as many entries as are added and not yet removed or expired. Internal API.
 *
 * @param <K> the entry keys (e.g. request Ids), compared with {@code equals}
 */
public final class OrderedDeadlines<K> {
    private final long limitNanos;
    private final ScheduledExecutorService timers;
    private final Executor serial;
    private final LongSupplier nanoTime;
    private final Consumer<K> onExpired;
    /** Deadlines in the order added; null while none waits (an idle link holds no map). */
    private LinkedHashMap<K, Long> due;
    private ScheduledFuture<?> timer;
    private boolean closed;
    /** In {@link #sweep()}: it arms the timer itself when it is done. */
    private boolean sweeping;

    /**
     * @param limitNanos the time limit of every entry, in nanoseconds, positive
     * @param timers     arms the one timer; it only hands the sweep to {@code serial}
     * @param serial     the executor this object is confined to
     * @param nanoTime   the clock of {@code timers} (e.g. {@code Scheduling::nanoTime})
     * @param onExpired  called on {@code serial} with each entry whose deadline passed; the entry is
     *                   already removed
     * @throws IllegalArgumentException when the limit is not positive
     */
    public OrderedDeadlines(long limitNanos, ScheduledExecutorService timers, Executor serial,
                            LongSupplier nanoTime, Consumer<K> onExpired) {
        if (limitNanos <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
        this.limitNanos = limitNanos;
        this.timers = Objects.requireNonNull(timers, "timers");
        this.serial = Objects.requireNonNull(serial, "serial");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.onExpired = Objects.requireNonNull(onExpired, "onExpired");
    }

    /**
     * Starts the limit of {@code key} now; ignored after {@link #close()}.
     *
     * @param key a key not already added
     */
    public void add(K key) {
        if (closed) {
            return;
        }
        long deadline = nanoTime.getAsLong() + limitNanos;
        if (due == null) {
            due = new LinkedHashMap<>(4);
        }
        due.put(key, deadline);
        if (timer == null && !sweeping) {
            arm(limitNanos);
        }
    }

    /**
     * Ends the limit of {@code key} (it was answered). The timer is left as it is while other
     * entries wait; when none is left it is cancelled, so the next entry arms its own timer at its
     * own deadline. (A timer left armed for an answered entry would fire early and re-arm from the
     * sweep, and on a clock that moves in jumps, as a test's virtual clock does, the re-armed timer
     * could land after the next entry's deadline.)
     *
     * @param key the key
     * @return whether it was still waiting
     */
    public boolean remove(K key) {
        if (due == null) {
            return false;
        }
        boolean waited = due.remove(key) != null;
        if (due.isEmpty()) {
            due = null;
            if (timer != null && !sweeping) {
                timer.cancel(false);
                timer = null;
            }
        }
        return waited;
    }

    /**
     * The number of entries waiting.
     *
     * @return entries added and neither removed nor expired
     */
    public int size() {
        return due == null ? 0 : due.size();
    }

    /** Cancels the timer and forgets every entry (none expires); later adds are ignored. */
    public void close() {
        closed = true;
        due = null;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void arm(long delayNanos) {
        timer = timers.schedule(() -> serial.execute(this::sweep), Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }

    private void sweep() {
        timer = null;
        sweeping = true;
        try {
            while (!closed && due != null) {
                Map.Entry<K, Long> oldest = due.entrySet().iterator().next();
                long left = oldest.getValue() - nanoTime.getAsLong();
                if (left > 0) {
                    arm(left);
                    return;
                }
                due.remove(oldest.getKey());
                if (due.isEmpty()) {
                    due = null;
                }
                onExpired.accept(oldest.getKey()); // may add or remove entries
            }
        } finally {
            sweeping = false;
        }
    }
}
