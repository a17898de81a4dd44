package io.github.buttplugjava.remote.testing;

import io.github.buttplugjava.core.connector.FrameListener;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Records frames and the close of one end. */
public final class FrameRecorder implements FrameListener {
    public final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    public final CompletableFuture<Throwable> closed = new CompletableFuture<>();

    @Override
    public void onFrame(String frame) {
        frames.add(frame);
    }

    @Override
    public void onClosed(Throwable cause) {
        closed.complete(cause);
    }

    public String next() throws InterruptedException {
        String f = frames.poll(2, TimeUnit.SECONDS);
        assertThat(f).as("a frame within 2 s").isNotNull();
        return f;
    }
}
