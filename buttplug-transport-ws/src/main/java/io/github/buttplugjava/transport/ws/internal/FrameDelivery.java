package io.github.buttplugjava.transport.ws.internal;

import io.github.buttplugjava.core.connector.ConnectorException;
import io.github.buttplugjava.core.connector.FrameListener;
import io.github.buttplugjava.core.internal.SerialExecutor;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The listener side of one link: holds frames that arrive before a listener is attached (up to
 * {@link #MAX_EARLY_FRAMES}), then hands frames and the single end to the listener serially, in
 * order, never under a lock, on a {@link SerialExecutor} over the given executor. Over a direct
 * executor ({@code Runnable::run}) the thread that finds the link idle runs the calls, so a
 * listener may call back into its connector (send, close) without deadlocking an I/O thread.
 *
 * <p>Calls are {@linkplain SerialExecutor#offer offered} to the serial executor in order under the
 * lock, and its drain is started after the lock is released: so the order is the lock's even when
 * two threads leave it in the other order, and no listener call runs under it.
 */
public final class FrameDelivery {

    /** Frames that may arrive between the upgrade and the handler attaching its listener. */
    public static final int MAX_EARLY_FRAMES = 64;

    private final Object label;
    private final SerialExecutor calls;
    // the fields below are guarded by this instance's monitor (the class is internal: nothing
    // outside locks it), which is never held while the listener runs

    /** Frames before the listener attached; made by the first one, let go once it attaches or the link ends. */
    private ArrayDeque<String> early;
    private FrameListener listener;
    private boolean ended;
    private Throwable endCause;

    /**
     * A delivery for one link.
     *
     * @param label the link's name in errors (its {@code toString()}, built only when an error is made)
     * @param listener the listener, or null to attach one later with {@link #connect}
     * @param executor where listener calls run (serially)
     */
    public FrameDelivery(Object label, FrameListener listener, Executor executor) {
        this.label = label;
        this.listener = listener;
        this.calls = SerialExecutor.droppingWhenRejected(executor);
    }

    /**
     * Attaches the listener and hands it the frames kept so far.
     *
     * @param frameListener the listener
     * @return done, or failed with a {@link ConnectorException} when one is attached already or the link ended
     */
    public CompletableFuture<Void> connect(FrameListener frameListener) {
        Objects.requireNonNull(frameListener, "listener");
        boolean drain = false;
        synchronized (this) {
            if (listener != null) {
                return CompletableFuture.failedFuture(new ConnectorException(label + ": already connected"));
            }
            if (ended) {
                return CompletableFuture.failedFuture(new ConnectorException(label + ": closed before connect", endCause));
            }
            listener = frameListener;
            if (early != null) {
                for (String frame : early) {
                    drain |= calls.offer(() -> frameListener.onFrame(frame));
                }
                early = null;
            }
        }
        if (drain) {
            calls.drainOffered();
        }
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Hands {@code frame} to the listener, or keeps it until one attaches.
     *
     * @param frame the text frame
     * @return false when no listener is attached and {@link #MAX_EARLY_FRAMES} are already kept
     */
    public boolean deliver(String frame) {
        return deliver(frame, null);
    }

    /**
     * Like {@link #deliver(String)}, then runs {@code after} (may be null) once the listener has
     * returned (at once when the frame was kept or dropped): a reader asks for the next frame from
     * there, so at most one frame per link waits for its listener.
     *
     * @param frame the text frame
     * @param after what to run once the frame is handled, or null
     * @return false when no listener is attached and {@link #MAX_EARLY_FRAMES} are already kept
     */
    public boolean deliver(String frame, Runnable after) {
        boolean handedOver;
        boolean kept;
        boolean drain = false;
        synchronized (this) {
            FrameListener target = listener;
            handedOver = !ended && target != null;
            if (handedOver) {
                drain = calls.offer(() -> {
                    try {
                        target.onFrame(frame);
                    } finally {
                        if (after != null) {
                            after.run();
                        }
                    }
                });
                kept = true;
            } else {
                kept = ended || earlyCount() < MAX_EARLY_FRAMES;
                if (!ended && kept) {
                    if (early == null) {
                        early = new ArrayDeque<>(2);
                    }
                    early.add(frame);
                }
            }
        }
        if (drain) {
            calls.drainOffered();
        } else if (!handedOver && after != null) {
            after.run();
        }
        return kept;
    }

    /**
     * Reports the end (null: orderly) once; later calls do nothing.
     *
     * @param cause why the link ended, or null for an orderly close
     * @return whether this call ended it
     */
    public boolean end(Throwable cause) {
        boolean drain;
        synchronized (this) {
            if (ended) {
                return false;
            }
            ended = true;
            endCause = cause;
            early = null;
            FrameListener target = listener;
            if (target == null) {
                return true;
            }
            drain = calls.offer(() -> target.onClosed(cause));
        }
        if (drain) {
            calls.drainOffered();
        }
        return true;
    }

    /**
     * Whether the end was reported.
     *
     * @return true once {@link #end} ran
     */
    public boolean ended() {
        synchronized (this) {
            return ended;
        }
    }

    /**
     * Frames kept until the listener attaches (for tests).
     *
     * @return how many
     */
    public int earlyFrames() {
        synchronized (this) {
            return earlyCount();
        }
    }

    /** Frames kept so far; under the lock. */
    private int earlyCount() {
        return early == null ? 0 : early.size();
    }
}
