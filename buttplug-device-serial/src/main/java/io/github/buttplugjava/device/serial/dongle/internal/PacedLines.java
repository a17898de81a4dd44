package io.github.buttplugjava.device.serial.dongle.internal;

import io.github.buttplugjava.btle.BleException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The lines we send to the dongle, one at a time and at least a gap apart (the reference gives the
 * dongle's toys a 75 ms message gap: a dongle sent commands faster locks up). Each line gets
 * {@code \r\n}. Bounded: at most {@link #MAX_QUEUED} lines wait; a full queue fails the new line.
 * The device layer above keeps at most one batch per toy in flight, so toy commands coalesce
 * (latest wins) while they wait here rather than pile up.
 */
public final class PacedLines {

    /** The most lines waiting. */
    public static final int MAX_QUEUED = 32;

    private record Line(byte[] bytes, CompletableFuture<Void> done) {
    }

    private final Function<byte[], CompletableFuture<Void>> port;
    private final Executor executor;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier nanoTime;
    private final long gapNanos;
    private final ArrayDeque<Line> queue = new ArrayDeque<>();
    private boolean writing;
    private boolean timerSet;
    private boolean wroteAny;
    private long lastWriteEnd;
    private BleException closed;

    /**
     * Lines to a port.
     *
     * @param port writes bytes to the dongle; its future completes when they are written
     * @param executor runs the next write after a gap
     * @param scheduler waits the gaps
     * @param nanoTime the clock of the gaps
     * @param gap the least time from the end of one write to the start of the next
     */
    public PacedLines(Function<byte[], CompletableFuture<Void>> port, Executor executor,
                      ScheduledExecutorService scheduler, LongSupplier nanoTime, Duration gap) {
        this.port = port;
        this.executor = executor;
        this.scheduler = scheduler;
        this.nanoTime = nanoTime;
        this.gapNanos = gap.toNanos();
    }

    /**
     * Queues a line.
     *
     * @param line the line, without its end
     * @return completes when the line is written; fails with a {@link BleException} when the queue
     *         is full, the lines were closed or the port failed
     */
    public CompletableFuture<Void> send(String line) {
        Line l = new Line((line + "\r\n").getBytes(StandardCharsets.UTF_8), new CompletableFuture<>());
        synchronized (this) {
            if (closed != null) {
                return CompletableFuture.failedFuture(closed);
            }
            if (queue.size() >= MAX_QUEUED) {
                return CompletableFuture.failedFuture(new BleException("the Lovense dongle's queue is full ("
                        + MAX_QUEUED + " messages)"));
            }
            queue.addLast(l);
        }
        pump();
        return l.done();
    }

    /**
     * Fails every waiting line and every later one.
     *
     * @param why what is reported to them
     */
    public void close(BleException why) {
        List<Line> failed;
        synchronized (this) {
            if (closed != null) {
                return;
            }
            closed = why;
            failed = new ArrayList<>(queue);
            queue.clear();
        }
        failed.forEach(l -> l.done().completeExceptionally(why));
    }

    private void pump() {
        Line next;
        synchronized (this) {
            if (writing || timerSet || queue.isEmpty()) {
                return;
            }
            long wait = wroteAny ? lastWriteEnd + gapNanos - nanoTime.getAsLong() : 0;
            if (wait > 0) {
                timerSet = true;
                scheduler.schedule(() -> executor.execute(() -> {
                    synchronized (this) {
                        timerSet = false;
                    }
                    pump();
                }), wait, TimeUnit.NANOSECONDS);
                return;
            }
            next = queue.removeFirst();
            writing = true;
        }
        CompletableFuture<Void> written;
        try {
            written = port.apply(next.bytes());
        } catch (RuntimeException e) {
            written = CompletableFuture.failedFuture(e);
        }
        written.whenComplete((v, e) -> {
            synchronized (this) {
                writing = false;
                wroteAny = true;
                lastWriteEnd = nanoTime.getAsLong();
            }
            if (e != null) {
                next.done().completeExceptionally(e);
            } else {
                next.done().complete(null);
            }
            pump();
        });
    }
}
