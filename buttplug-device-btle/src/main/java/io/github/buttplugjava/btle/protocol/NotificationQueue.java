package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Collects an endpoint's notifications so a handshake can take them one at a time without losing
 * any that arrive between two waits. Install before subscribing; {@link #close()} removes it.
 */
final class NotificationQueue implements AutoCloseable {

    private final HardwareIo io;
    private final Endpoint endpoint;
    private final Deque<byte[]> ready = new ArrayDeque<>();
    private final Deque<CompletableFuture<byte[]>> waiting = new ArrayDeque<>();

    NotificationQueue(HardwareIo io, Endpoint endpoint) {
        this.io = io;
        this.endpoint = endpoint;
        io.onNotification(endpoint, this::offer);
    }

    private void offer(byte[] data) {
        CompletableFuture<byte[]> w;
        synchronized (this) {
            w = waiting.poll();
            while (w != null && w.isDone()) {
                w = waiting.poll();
            }
            if (w == null) {
                ready.add(data);
                return;
            }
        }
        w.complete(data);
    }

    /** The next notification; fails with a timeout after {@code timeout}. */
    CompletableFuture<byte[]> next(Duration timeout) {
        synchronized (this) {
            byte[] r = ready.poll();
            if (r != null) {
                return CompletableFuture.completedFuture(r);
            }
            CompletableFuture<byte[]> w = new CompletableFuture<>();
            waiting.add(w);
            return w.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        io.onNotification(endpoint, null);
    }
}
