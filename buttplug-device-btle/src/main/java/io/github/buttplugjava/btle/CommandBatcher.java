package io.github.buttplugjava.btle;

import io.github.buttplugjava.btle.protocol.HardwareCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Writes a device's hardware commands in order, one at a time. One submission is one batch: the
 * device hands it the writes of a whole client message (several features at once), so a two-motor
 * command is one frame on one-frame protocols whatever the timing. Separate submissions that
 * arrive within the batching window (a v4 client's one {@code OutputCmd} per feature, a periodic
 * tick) are sent together too, and a later write replaces a pending one of an overlapping group (as
 * the reference's device task does); that window is an optimisation, not what makes a message atomic.
 *
 * <p>Bounded: at most one batch is being written and one is pending. While a batch is written,
 * new commands join the pending one (latest wins per overlapping group), so a device slower than
 * its commands never builds a backlog and never replays stale values.
 */
final class CommandBatcher {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CommandBatcher.class);

    private final PeripheralHardware io;
    private final Executor executor;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier nanoTime;
    private final long windowMs;

    private List<HardwareCommand> pending = new ArrayList<>();
    private CompletableFuture<Void> pendingDone = new CompletableFuture<>();
    private boolean flushScheduled;
    /** A batch is being written; the pending one waits for it. */
    private boolean writing;
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    private HardwareCommand.Write lastWrite;
    private long lastWriteNanos;

    /**
     * @param executor  runs flushes
     * @param scheduler runs the batching window's timer (hands the flush to {@code executor})
     * @param nanoTime  the clock of idle times
     * @param windowMs  how long separate submissions are gathered (0 = written at once)
     */
    CommandBatcher(PeripheralHardware io, Executor executor, ScheduledExecutorService scheduler, LongSupplier nanoTime,
                   long windowMs) {
        this.io = io;
        this.executor = executor;
        this.scheduler = scheduler;
        this.nanoTime = nanoTime;
        this.windowMs = windowMs;
        this.lastWriteNanos = nanoTime.getAsLong();
    }

    /**
     * Queues commands. The future completes once they are accepted (as the reference answers Ok
     * once a command is queued), so a caller that sends the features of one message one after
     * another still lands in one batch; write failures are logged. Use {@link #submitAndWait} to wait
     * for the writes.
     */
    CompletableFuture<Void> submit(List<HardwareCommand> commands) {
        if (!io.isConnected()) {
            return CompletableFuture.failedFuture(new BleException("device " + io.name() + " is disconnected"));
        }
        submitAndWait(commands).whenComplete((v, e) -> {
            if (e != null) {
                log.warn("write to {} failed: {}", io.name(), e.getMessage());
            }
        });
        return CompletableFuture.completedFuture(null);
    }

    /** Queues commands; the future completes when they (or what replaced them) are written. */
    CompletableFuture<Void> submitAndWait(List<HardwareCommand> commands) {
        if (commands.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> done;
        boolean flushNow = false;
        synchronized (this) {
            if (pending.isEmpty()) {
                pending.addAll(commands);
            } else {
                for (HardwareCommand c : commands) {
                    pending.removeIf(c::overlaps);
                    pending.add(c);
                }
            }
            done = pendingDone;
            if (!flushScheduled) {
                flushScheduled = true;
                if (windowMs <= 0) {
                    flushNow = true;
                } else {
                    scheduler.schedule(() -> executor.execute(this::flush), windowMs, TimeUnit.MILLISECONDS);
                }
            }
        }
        if (flushNow) {
            flush();
        }
        return done;
    }

    private void flush() {
        List<HardwareCommand> batch;
        CompletableFuture<Void> done;
        CompletableFuture<Void> written;
        synchronized (this) {
            flushScheduled = false;
            if (writing || pending.isEmpty()) {
                // the batch being written flushes the pending one when it is done
                return;
            }
            batch = pending;
            done = pendingDone;
            pending = new ArrayList<>();
            pendingDone = new CompletableFuture<>();
            writing = true;
            tail = new CompletableFuture<>();
            written = tail;
        }
        // written outside the lock: a radio that writes on the caller's thread must not block submitters
        CompletableFuture<Void> step;
        try {
            step = run(batch, 0);
        } catch (RuntimeException e) {
            step = CompletableFuture.failedFuture(e);
        }
        step.whenComplete((v, e) -> {
            if (e == null) {
                written.complete(null);
            } else {
                written.completeExceptionally(e);
            }
        });
        written.whenComplete((v, e) -> {
            boolean more;
            synchronized (this) {
                writing = false;
                more = !pending.isEmpty() && !flushScheduled;
                if (more) {
                    flushScheduled = true;
                }
            }
            if (e == null) {
                done.complete(null);
            } else {
                done.completeExceptionally(e);
            }
            if (more) {
                executor.execute(this::flush);
            }
        });
    }

    /** Completes (never fails) once every command queued so far has been written, or has failed. */
    synchronized CompletableFuture<Void> drained() {
        CompletableFuture<Void> last = pending.isEmpty() ? tail : pendingDone;
        return last.handle((v, e) -> null);
    }

    /** How long ago the last write started, in nanoseconds of the batcher's clock. */
    synchronized long idleNanos() {
        return nanoTime.getAsLong() - lastWriteNanos;
    }

    /** The last frame again, when nothing was written for {@code idleNanos} and nothing waits; else none. */
    synchronized List<HardwareCommand> repeatIfIdle(long idleNanos) {
        if (lastWrite == null || !pending.isEmpty() || nanoTime.getAsLong() - lastWriteNanos < idleNanos) {
            return List.of();
        }
        return List.of(lastWrite);
    }

    private CompletableFuture<Void> run(List<HardwareCommand> batch, int from) {
        if (from >= batch.size()) {
            return CompletableFuture.completedFuture(null);
        }
        HardwareCommand c = batch.get(from);
        CompletableFuture<Void> step;
        if (c instanceof HardwareCommand.Write w) {
            synchronized (this) {
                lastWrite = w;
                lastWriteNanos = nanoTime.getAsLong();
            }
            step = io.write(w.endpoint(), w.data(), w.withResponse());
        } else if (c instanceof HardwareCommand.Subscribe s) {
            step = io.subscribe(s.endpoint());
        } else {
            step = io.unsubscribe(c.endpoint());
        }
        return step.thenCompose(v -> run(batch, from + 1));
    }
}
