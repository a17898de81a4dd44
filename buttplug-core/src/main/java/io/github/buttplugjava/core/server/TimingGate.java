package io.github.buttplugjava.core.server;

import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.core.device.FeatureOutput;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Enforces a device's timing gap: commands arriving sooner than the gap after the last one are
 * held, one per feature and output type, and the latest value wins (no backlog). Every submitted
 * request completes exactly once: a superseded one completes with the result of the command that
 * replaced it. A multi-feature command is never split: it goes on whole, and what is held goes on
 * as one batch.
 */
final class TimingGate {

    private final long gapNanos;
    private final ScheduledExecutorService timers;
    private final Scheduling scheduling;
    private final Function<List<FeatureOutput>, CompletableFuture<Void>> sink;
    /** Commands held for the gap, by feature and type; null while none are (always, without a gap). */
    private TreeMap<Key, Pending> pending;
    private long lastSentNanos;
    private boolean everSent;
    private ScheduledFuture<?> flushTask;
    private Throwable closedCause;

    TimingGate(long gapMs, Scheduling scheduling,
               Function<List<FeatureOutput>, CompletableFuture<Void>> sink) {
        this.gapNanos = TimeUnit.MILLISECONDS.toNanos(gapMs);
        this.scheduling = scheduling;
        this.timers = scheduling.scheduler();
        this.sink = sink;
    }

    /** Sends now, or holds the command until the gap has passed (replacing a held one). */
    CompletableFuture<Void> submit(int featureIndex, OutputCommand command) {
        return submit(List.of(new FeatureOutput(featureIndex, command)));
    }

    /** Sends the outputs now as one batch, or holds them until the gap has passed (replacing held ones). */
    CompletableFuture<Void> submit(List<FeatureOutput> outputs) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        synchronized (this) {
            if (closedCause != null) {
                return CompletableFuture.failedFuture(closedCause);
            }
            long now = scheduling.nanoTime();
            boolean gapPassed = !everSent || now - lastSentNanos >= gapNanos;
            if (gapNanos > 0 && !(pending == null && gapPassed)) {
                if (pending == null) {
                    pending = new TreeMap<>();
                }
                for (FeatureOutput o : outputs) {
                    Pending held = pending.computeIfAbsent(Key.of(o), k -> new Pending());
                    held.output = o;
                    held.waiters.add(result);
                }
                if (flushTask == null) {
                    long delay = Math.max(0, lastSentNanos + gapNanos - now);
                    flushTask = timers.schedule(this::flush, delay, TimeUnit.NANOSECONDS);
                }
                return result;
            }
            lastSentNanos = now;
            everSent = true;
        }
        forward(outputs, List.of(result));
        return result;
    }

    /** Drops held commands (of one feature, or all when {@code featureIndex < 0}); they complete normally, superseded by a stop. */
    void discard(int featureIndex) {
        List<CompletableFuture<Void>> superseded = new ArrayList<>();
        synchronized (this) {
            if (pending == null) {
                return;
            }
            Iterator<Map.Entry<Key, Pending>> it = pending.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<Key, Pending> e = it.next();
                if (featureIndex < 0 || e.getKey().featureIndex() == featureIndex) {
                    superseded.addAll(e.getValue().waiters);
                    it.remove();
                }
            }
            if (pending.isEmpty()) {
                pending = null;
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
            if (pending != null) {
                pending.values().forEach(p -> failed.addAll(p.waiters));
                pending = null;
            }
            if (flushTask != null) {
                flushTask.cancel(false);
                flushTask = null;
            }
        }
        failed.forEach(f -> f.completeExceptionally(cause));
    }

    private void flush() {
        Map<Key, Pending> batch;
        synchronized (this) {
            flushTask = null;
            if (pending == null) {
                return;
            }
            batch = pending;
            pending = null;
            lastSentNanos = scheduling.nanoTime();
            everSent = true;
        }
        List<FeatureOutput> outputs = new ArrayList<>();
        List<CompletableFuture<Void>> waiters = new ArrayList<>();
        batch.values().forEach(held -> {
            outputs.add(held.output);
            held.waiters.forEach(w -> {
                if (!waiters.contains(w)) {
                    waiters.add(w);
                }
            });
        });
        forward(outputs, waiters);
    }

    private void forward(List<FeatureOutput> outputs, List<CompletableFuture<Void>> waiters) {
        CompletableFuture<Void> sent;
        try {
            sent = sink.apply(outputs);
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

    /** What a held command sets: one output type of one feature. */
    private record Key(int featureIndex, OutputType type) implements Comparable<Key> {
        static Key of(FeatureOutput o) {
            return new Key(o.featureIndex(), o.command().type());
        }

        @Override
        public int compareTo(Key other) {
            int c = Integer.compare(featureIndex, other.featureIndex);
            return c != 0 ? c : type.compareTo(other.type);
        }
    }

    private static final class Pending {
        FeatureOutput output;
        final List<CompletableFuture<Void>> waiters = new ArrayList<>();
    }
}
