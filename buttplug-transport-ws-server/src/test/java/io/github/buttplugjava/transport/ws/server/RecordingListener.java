package io.github.buttplugjava.transport.ws.server;

import io.github.buttplugjava.core.connector.FrameListener;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Records frames and the single close of a connector, for tests to wait on. */
final class RecordingListener implements FrameListener {

    final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Optional<Throwable>> closed = new CompletableFuture<>();
    private final AtomicInteger closeCount = new AtomicInteger();

    AtomicInteger closeCount() {
        return closeCount;
    }

    @Override
    public void onFrame(String frame) {
        frames.add(frame);
    }

    @Override
    public void onClosed(Throwable cause) {
        closeCount.incrementAndGet();
        closed.complete(Optional.ofNullable(cause));
    }

    String nextFrame() throws InterruptedException {
        String f = frames.poll(10, TimeUnit.SECONDS);
        if (f == null) {
            throw new AssertionError("no frame within 10 s");
        }
        return f;
    }

    /** Waits for the close; returns its cause (null when orderly). */
    Throwable awaitClose() throws Exception {
        return closed.get(10, TimeUnit.SECONDS).orElse(null);
    }
}
