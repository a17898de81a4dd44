package io.github.buttplugjava.transport.ws;

import io.github.buttplugjava.core.connector.ConnectorException;
import io.github.buttplugjava.core.connector.FrameListener;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The listener side of one link: holds frames that arrive before a listener is attached (up to
 * {@link #MAX_EARLY_FRAMES}), then hands frames and the single end to the listener serially, in
 * order, never under a lock (through a {@link ListenerQueue}).
 */
final class FrameDelivery {

    /** Frames that may arrive between the upgrade and the handler attaching its listener. */
    static final int MAX_EARLY_FRAMES = 64;

    private final String label;
    private final ListenerQueue calls;
    /** Guards the fields below; never held while the listener runs. */
    private final Object state = new Object();
    private final ArrayDeque<String> early = new ArrayDeque<>();
    private FrameListener listener;
    private boolean ended;
    private Throwable endCause;

    FrameDelivery(String label, FrameListener listener) {
        this.label = label;
        this.listener = listener;
        this.calls = new ListenerQueue(label);
    }

    /** Attaches the listener and hands it the frames kept so far. */
    CompletableFuture<Void> connect(FrameListener frameListener) {
        Objects.requireNonNull(frameListener, "listener");
        synchronized (state) {
            if (listener != null) {
                return CompletableFuture.failedFuture(new ConnectorException(label + ": already connected"));
            }
            if (ended) {
                return CompletableFuture.failedFuture(new ConnectorException(label + ": closed before connect", endCause));
            }
            listener = frameListener;
            while (!early.isEmpty()) {
                String frame = early.poll();
                calls.enqueue(() -> frameListener.onFrame(frame));
            }
        }
        calls.drain();
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Hands {@code frame} to the listener, or keeps it until one attaches.
     *
     * @return false when no listener is attached and {@link #MAX_EARLY_FRAMES} are already kept
     */
    boolean deliver(String frame) {
        synchronized (state) {
            if (ended) {
                return true;
            }
            FrameListener target = listener;
            if (target != null) {
                calls.enqueue(() -> target.onFrame(frame));
            } else if (early.size() < MAX_EARLY_FRAMES) {
                early.add(frame);
                return true;
            } else {
                return false;
            }
        }
        calls.drain();
        return true;
    }

    /** Reports the end (null: orderly) once; later calls do nothing. Returns whether this call ended it. */
    boolean end(Throwable cause) {
        synchronized (state) {
            if (ended) {
                return false;
            }
            ended = true;
            endCause = cause;
            early.clear();
            FrameListener target = listener;
            if (target != null) {
                calls.enqueue(() -> target.onClosed(cause));
            }
        }
        calls.drain();
        return true;
    }

    boolean ended() {
        synchronized (state) {
            return ended;
        }
    }

    /** Frames kept until the listener attaches (for tests). */
    int earlyFrames() {
        synchronized (state) {
            return early.size();
        }
    }
}
