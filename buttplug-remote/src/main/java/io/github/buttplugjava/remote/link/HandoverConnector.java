package io.github.buttplugjava.remote.link;

import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.ConnectorException;
import io.github.buttplugjava.core.connector.ForwardingConnector;
import io.github.buttplugjava.core.connector.FrameListener;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * A share link after its first frame: the remote layer reads the first frame (the hello, or the
 * hub's answer to it), then hands the same link to a Buttplug client or server as a fresh
 * connector. Frames that arrive in between are kept (up to a bound) and delivered in order.
 * Plumbing of the share link shared by the hub and agent packages; not meant for apps.
 */
public final class HandoverConnector extends ForwardingConnector {

    private static final int MAX_BUFFERED = 256;

    /** Failed: the link was handed over, its first frame is no longer held. */
    private static final CompletableFuture<String> HANDED_OVER = CompletableFuture.failedFuture(
            new IllegalStateException("the link was handed over: its first frame is no longer held"));

    /** Holds the first frame until the link is handed over (then {@link #HANDED_OVER}: a link lives long, its hello need not). */
    private volatile CompletableFuture<String> firstFrame = new CompletableFuture<>();
    /** Whether the first frame arrived (frames arrive one after the other, not always on one thread). */
    private volatile boolean firstArrived;
    /** Frames after the first one and before the handover; null while there are none (most links). */
    private Deque<String> buffered;
    private FrameListener downstream;
    private boolean closed;
    private Throwable closeCause;
    private final LongSupplier nanoClock;
    private volatile long lastFrameNanos;

    private HandoverConnector(ButtplugConnector link, LongSupplier nanoClock) {
        super(link);
        this.nanoClock = nanoClock;
        this.lastFrameNanos = nanoClock.getAsLong();
    }

    /**
     * Opens {@code link}; the result completes when frames can be sent. Frame times are read
     * from {@link System#nanoTime()}.
     *
     * @param link a share link, not yet connected
     * @return the handover connector, once the link is open
     */
    public static CompletableFuture<HandoverConnector> open(ButtplugConnector link) {
        return open(link, System::nanoTime);
    }

    /**
     * Opens {@code link}; the result completes when frames can be sent.
     *
     * @param link      a share link, not yet connected
     * @param nanoClock where frame times are read (e.g. {@code Scheduling::nanoTime})
     * @return the handover connector, once the link is open
     */
    public static CompletableFuture<HandoverConnector> open(ButtplugConnector link, LongSupplier nanoClock) {
        HandoverConnector h = new HandoverConnector(link, Objects.requireNonNull(nanoClock, "nanoClock"));
        return link.connect(h.new LinkListener()).thenApply(v -> h);
    }

    /**
     * The first frame.
     *
     * @return completes with the first text frame; fails with {@link ConnectorException} when the
     *         link closes before it (a {@link ClosedBeforeFirstFrame}); once the link was handed over
     *         with {@link #connect} after its first frame, the frame is no longer held and this fails
     *         with {@link IllegalStateException} (read it before the handover)
     */
    public CompletableFuture<String> firstFrame() {
        return firstFrame;
    }

    /**
     * When a frame last arrived.
     *
     * @return the nano clock's reading when the last frame arrived (or when the link opened)
     */
    public long lastFrameNanos() {
        return lastFrameNanos;
    }

    @Override
    public CompletableFuture<Void> connect(FrameListener listener) {
        synchronized (this) {
            if (downstream != null) {
                return CompletableFuture.failedFuture(new ConnectorException("already connected"));
            }
            downstream = listener;
            if (firstFrame.isDone()) {
                firstFrame = HANDED_OVER;
            }
            if (buffered != null) {
                while (!buffered.isEmpty()) {
                    listener.onFrame(buffered.poll());
                }
                buffered = null;
            }
            if (closed) {
                listener.onClosed(closeCause);
                return CompletableFuture.failedFuture(new ConnectorException("the link closed"));
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    /**
     * The link closed before its first frame; the cause (null for an orderly close) says how, e.g.
     * with the close code and the reason the other side gave.
     */
    public static final class ClosedBeforeFirstFrame extends ConnectorException {
        private static final long serialVersionUID = 1L;

        ClosedBeforeFirstFrame(Throwable cause) {
            super("the link closed before its first frame" + (cause == null ? "" : ": " + cause.getMessage()), cause);
        }
    }

    private final class LinkListener implements FrameListener {
        @Override
        public void onFrame(String frame) {
            lastFrameNanos = nanoClock.getAsLong();
            if (!firstArrived) {
                firstArrived = true;
                firstFrame.complete(frame);
                return;
            }
            synchronized (HandoverConnector.this) {
                if (downstream != null) {
                    downstream.onFrame(frame);
                } else if (buffered == null || buffered.size() < MAX_BUFFERED) {
                    if (buffered == null) {
                        buffered = new ArrayDeque<>(4);
                    }
                    buffered.add(frame);
                } else {
                    delegate().close();
                }
            }
        }

        @Override
        public void onClosed(Throwable cause) {
            firstFrame.completeExceptionally(new ClosedBeforeFirstFrame(cause));
            synchronized (HandoverConnector.this) {
                closed = true;
                closeCause = cause;
                if (downstream != null) {
                    downstream.onClosed(cause);
                }
            }
        }
    }
}
