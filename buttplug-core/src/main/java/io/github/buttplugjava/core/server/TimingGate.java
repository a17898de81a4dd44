package io.github.buttplugjava.core.server;

import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.core.message.OutputCommand;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * Enforces a device's timing gap: commands arriving sooner than the gap after the last one are
 * held, one per feature, and the latest value wins (no backlog). Every submitted request completes
 * exactly once: a superseded one completes with the result of the command that replaced it.
 */
final class TimingGate {

    private final long gapNanos;
    private final ScheduledExecutorService timers;
    private final Scheduling scheduling;
    private final BiFunction<Integer, OutputCommand, CompletableFuture<Void>> sink;
    private final Map<Integer, Pending> pending = new TreeMap<>();
    private long lastSentNanos;
    private boolean everSent;
    private ScheduledFuture<?> flushTask;
    private Throwable closedCause;

    TimingGate(long gapMs, Scheduling scheduling,
               BiFunction<Integer, OutputCommand, CompletableFuture<Void>> sink) {
        this.gapNanos = TimeUnit.MILLISECONDS.toNanos(gapMs);
        this.scheduling = scheduling;
        this.timers = scheduling.scheduler();
        this.sink = sink;
    }

    /** Sends now, or holds the command until the gap has passed (replacing a held one). */
    CompletableFuture<Void> submit(int featureIndex, OutputCommand command) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        synchronized (this) {
            if (closedCause != null) {
                return CompletableFuture.failedFuture(closedCause);
            }
            long now = scheduling.nanoTime();
            boolean gapPassed = !everSent || now - lastSentNanos >= gapNanos;
            if (gapNanos > 0 && !(pending.isEmpty() && gapPassed)) {
                Pending held = pending.computeIfAbsent(featureIndex, f -> new Pending());
                held.command = command;
                held.waiters.add(result);
                if (flushTask == null) {
                    long delay = Math.max(0, lastSentNanos + gapNanos - now);
                    flushTask = timers.schedule(this::flush, delay, TimeUnit.NANOSECONDS);
                }
                return result;
            }
            lastSentNanos = now;
            everSent = true;
        }
        forward(featureIndex, command, List.of(result));
        return result;
    }

    /** Drops held commands (of one feature, or all when {@code featureIndex < 0}); they complete normally, superseded by a stop. */
    void discard(int featureIndex) {
        List<CompletableFuture<Void>> superseded = new ArrayList<>();
        synchronized (this) {
            Iterator<Map.Entry<Integer, Pending>> it = pending.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<Integer, Pending> e = it.next();
                if (featureIndex < 0 || e.getKey() == featureIndex) {
                    superseded.addAll(e.getValue().waiters);
                    it.remove();
                }
            }
        }
        superseded.forEach(f -> f.complete(null));
    }

    /** Fails held and later commands: the device is gone. */
    void close(String reason) {
        List<CompletableFuture<Void>> failed = new ArrayList<>();
        ButtplugDeviceException cause = new ButtplugDeviceException(reason);
        synchronized (this) {
            closedCause = cause;
            pending.values().forEach(p -> failed.addAll(p.waiters));
            pending.clear();
            if (flushTask != null) {
                flushTask.cancel(false);
                flushTask = null;
            }
        }
        failed.forEach(f -> f.completeExceptionally(cause));
    }

    private void flush() {
        Map<Integer, Pending> batch;
        synchronized (this) {
            flushTask = null;
            if (pending.isEmpty()) {
                return;
            }
            batch = new TreeMap<>(pending);
            pending.clear();
            lastSentNanos = scheduling.nanoTime();
            everSent = true;
        }
        batch.forEach((feature, held) -> forward(feature, held.command, held.waiters));
    }

    private void forward(int featureIndex, OutputCommand command, List<CompletableFuture<Void>> waiters) {
        CompletableFuture<Void> sent;
        try {
            sent = sink.apply(featureIndex, command);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((ok, error) -> waiters.forEach(w -> {
            if (error == null) {
                w.complete(null);
            } else {
                w.completeExceptionally(error);
            }
        }));
    }

    private static final class Pending {
        OutputCommand command;
        final List<CompletableFuture<Void>> waiters = new ArrayList<>();
    }
}
