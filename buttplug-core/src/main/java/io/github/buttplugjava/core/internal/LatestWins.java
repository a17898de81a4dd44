package io.github.buttplugjava.core.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Latest-wins command slots: per key (a device feature, or a feature and output type) at most one
 * write in flight and one waiting. A newer command replaces the waiting one, and every caller it
 * replaced completes with the result of the command that replaced it, so a flood costs one write
 * per completion, never a backlog. Optionally a slot holds its waiting write until a minimum gap
 * has passed since the <em>completion</em> of the previous write of that key.
 *
 * <p>Stops ({@link #stop}) have a lane of their own so they never wait behind a write in flight
 * (which may be held for its gap further down): a stop drops what waits and goes at once, unless
 * another stop of the key is still in flight, in which case it waits (latest wins) for that one
 * only. So a key has at most two writes in flight (one of each lane) and one waiting in all, and
 * the last command submitted is the last one written.
 *
 * <p>Bounded: the waiting callers of a key are those that arrived during one write (plus the gap);
 * slots exist only for keys that were written. Thread-safe; writes run outside the lock, on the
 * submitting thread, the completing thread of the previous write, or the pacer's timer.
 */
public final class LatestWins {

    private final Pacer pacer;
    /** Made by the first write and kept from then on; none on a device never written (memory per idle link). */
    private Map<Object, Slot> slots;
    private Throwable closed;

    private static final class Slot {
        boolean busy;
        boolean stopBusy;
        boolean waitingIsStop;
        boolean timerArmed;
        boolean everDone;
        long doneAtNanos;
        long gapNanos;
        Supplier<CompletableFuture<Void>> waiting;
        List<CompletableFuture<Void>> waiters = new ArrayList<>();
    }

    /**
     * Slots that hold for time through {@code pacer}.
     *
     * @param pacer the time a gap is measured and waited on
     * @throws NullPointerException when {@code pacer} is null
     */
    public LatestWins(Pacer pacer) {
        this.pacer = Objects.requireNonNull(pacer, "pacer");
    }

    /** Slots without a gap: one in flight, one waiting. */
    public LatestWins() {
        this(Pacer.UNPACED);
    }

    /**
     * Writes now when the key is idle (and its gap has passed), else waits in its slot, replacing
     * what waited there.
     *
     * @param key        the slot
     * @param gapNanos   least time between the completion of one write and the start of the next
     *                   (0: none; needs a pacer that can schedule)
     * @param write      starts the write; called at most once
     * @return completes with the result of this write, or of the later one that replaced it
     */
    public CompletableFuture<Void> submit(Object key, long gapNanos, Supplier<CompletableFuture<Void>> write) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        boolean now;
        synchronized (this) {
            if (closed != null) {
                return CompletableFuture.failedFuture(closed);
            }
            Slot slot = slots().computeIfAbsent(key, k -> new Slot());
            slot.gapNanos = Math.max(0, gapNanos);
            now = !slot.busy && slot.waiting == null && remaining(slot) <= 0;
            if (now) {
                slot.busy = true;
            } else {
                slot.waiting = write;
                slot.waitingIsStop = false;
                slot.waiters.add(mine);
                if (!slot.busy) {
                    arm(key, slot);
                }
            }
        }
        if (now) {
            start(key, write, List.of(mine));
        }
        return mine;
    }

    /**
     * A stop: drops what waits in the key's slot (those callers complete with this stop's result)
     * and writes at once, past a write in flight and its gap; when a stop of this key is still in
     * flight, it waits for that one instead (latest wins). Does not count as the key's last write.
     *
     * @param key   the slot
     * @param write starts the stop; called at most once
     * @return completes with the result of this stop, or of the later stop that replaced it
     */
    public CompletableFuture<Void> stop(Object key, Supplier<CompletableFuture<Void>> write) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        List<CompletableFuture<Void>> superseded;
        synchronized (this) {
            Slot slot = slots().computeIfAbsent(key, k -> new Slot());
            if (slot.stopBusy) {
                slot.waiting = write;
                slot.waitingIsStop = true;
                slot.waiters.add(mine);
                return mine;
            }
            slot.stopBusy = true;
            superseded = takeWaiters(slot);
            superseded.add(mine);
            slot.waiting = null;
        }
        startStop(key, write, superseded);
        return mine;
    }

    private void startStop(Object key, Supplier<CompletableFuture<Void>> write, List<CompletableFuture<Void>> waiters) {
        CompletableFuture<Void> result = call(write);
        result.whenComplete((v, e) -> stopDone(key));
        settleWith(result, waiters);
    }

    private void stopDone(Object key) {
        Supplier<CompletableFuture<Void>> write = null;
        List<CompletableFuture<Void>> waiters = null;
        synchronized (this) {
            Slot slot = existing(key);
            if (slot == null) {
                return;
            }
            slot.stopBusy = false;
            if (slot.waiting != null && slot.waitingIsStop && closed == null) {
                write = slot.waiting;
                slot.waiting = null;
                slot.stopBusy = true;
                waiters = takeWaiters(slot);
            } else {
                forgetIfIdle(key, slot);
            }
        }
        if (write != null) {
            startStop(key, write, waiters);
        }
    }

    /** The key's slot, or null when it has none; under the lock. */
    private Slot existing(Object key) {
        return slots == null ? null : slots.get(key);
    }

    /** Every slot (none before the first write); under the lock. */
    private Collection<Slot> allSlots() {
        return slots == null ? List.of() : slots.values();
    }

    /** The slots, made on first use; under the lock. */
    private Map<Object, Slot> slots() {
        if (slots == null) {
            slots = new HashMap<>(4);
        }
        return slots;
    }

    private void forgetIfIdle(Object key, Slot slot) {
        if (!slot.busy && !slot.stopBusy && slot.waiting == null && !slot.timerArmed
                && (slot.gapNanos == 0 || !slot.everDone)) {
            slots.remove(key);
        }
    }

    /**
     * Drops every waiting write (for a device-wide stop); their callers complete like
     * {@code replacement} does.
     *
     * @param replacement the write whose result the dropped callers get
     */
    public void dropAll(CompletableFuture<Void> replacement) {
        List<CompletableFuture<Void>> superseded = new ArrayList<>();
        synchronized (this) {
            for (Slot slot : allSlots()) {
                if (slot.waiting != null) {
                    superseded.addAll(slot.waiters);
                    slot.waiters = new ArrayList<>();
                    slot.waiting = null;
                }
            }
        }
        settleWith(replacement, superseded);
    }

    /**
     * Fails every waiting and later write with {@code cause}. Idempotent.
     *
     * @param cause what the failed futures fail with
     */
    public void close(Throwable cause) {
        List<CompletableFuture<Void>> failed = new ArrayList<>();
        synchronized (this) {
            if (closed != null) {
                return;
            }
            closed = cause;
            allSlots().forEach(s -> {
                failed.addAll(s.waiters);
                s.waiters = new ArrayList<>();
                s.waiting = null;
            });
        }
        failed.forEach(f -> f.completeExceptionally(cause));
    }

    /**
     * How many keys have a slot now (for tests: slots are forgotten when idle).
     *
     * @return the number of slots held
     */
    public synchronized int slotCount() {
        return allSlots().size();
    }

    private long remaining(Slot slot) {
        if (slot.gapNanos == 0 || !slot.everDone) {
            return 0;
        }
        return slot.doneAtNanos + slot.gapNanos - pacer.nanos();
    }

    /** Called with the lock held, for an idle slot with a waiting write. */
    private void arm(Object key, Slot slot) {
        if (slot.timerArmed) {
            return;
        }
        long wait = remaining(slot);
        if (wait <= 0) {
            // idle and due: cannot happen from submit (it would have written), so only from done()
            return;
        }
        slot.timerArmed = true;
        pacer.after(wait, () -> due(key));
    }

    private void due(Object key) {
        Supplier<CompletableFuture<Void>> write;
        List<CompletableFuture<Void>> waiters;
        synchronized (this) {
            Slot slot = existing(key);
            if (slot == null) {
                return;
            }
            slot.timerArmed = false;
            if (slot.busy || slot.waiting == null || slot.waitingIsStop || closed != null) {
                return;
            }
            if (remaining(slot) > 0) {
                arm(key, slot);
                return;
            }
            write = take(slot);
            waiters = takeWaiters(slot);
        }
        start(key, write, waiters);
    }

    private void start(Object key, Supplier<CompletableFuture<Void>> write, List<CompletableFuture<Void>> waiters) {
        CompletableFuture<Void> result = call(write);
        result.whenComplete((v, e) -> done(key));
        settleWith(result, waiters);
    }

    private void done(Object key) {
        Supplier<CompletableFuture<Void>> write = null;
        List<CompletableFuture<Void>> waiters = null;
        synchronized (this) {
            Slot slot = existing(key);
            if (slot == null) {
                return;
            }
            slot.busy = false;
            slot.everDone = true;
            slot.doneAtNanos = pacer.nanos();
            if (slot.waiting == null || slot.waitingIsStop) {
                forgetIfIdle(key, slot);
                return;
            }
            if (closed == null && remaining(slot) <= 0) {
                write = take(slot);
                waiters = takeWaiters(slot);
            } else if (closed == null) {
                arm(key, slot);
            }
        }
        if (write != null) {
            start(key, write, waiters);
        }
    }

    private static Supplier<CompletableFuture<Void>> take(Slot slot) {
        Supplier<CompletableFuture<Void>> write = slot.waiting;
        slot.waiting = null;
        slot.waitingIsStop = false;
        slot.busy = true;
        return write;
    }

    private static List<CompletableFuture<Void>> takeWaiters(Slot slot) {
        List<CompletableFuture<Void>> waiters = slot.waiters;
        slot.waiters = new ArrayList<>();
        return waiters;
    }

    private static CompletableFuture<Void> call(Supplier<CompletableFuture<Void>> write) {
        try {
            CompletableFuture<Void> f = write.get();
            return f != null ? f : CompletableFuture.failedFuture(new IllegalStateException("a write returned null"));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static void settleWith(CompletableFuture<Void> result, List<CompletableFuture<Void>> waiters) {
        if (waiters.isEmpty()) {
            return;
        }
        result.whenComplete((v, e) -> {
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                    ? e.getCause() : e;
            for (CompletableFuture<Void> w : waiters) {
                if (cause == null) {
                    w.complete(null);
                } else {
                    w.completeExceptionally(cause);
                }
            }
        });
    }
}
