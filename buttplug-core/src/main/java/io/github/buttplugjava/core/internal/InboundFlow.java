package io.github.buttplugjava.core.internal;

import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.MessageLimits;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbound half of one link's resource model ({@link MessageLimits}): counts the frames read
 * but not yet handled, pauses the transport at half the bound (resuming at a quarter) and aborts
 * the link at the bound, and meters messages through a token bucket so the caller can refuse what
 * comes faster than the rate.
 *
 * <p>The rate refuses rather than pauses on purpose: a paused socket keeps the peer's backlog in the
 * network, so a controller's later commands — its stop among them — would wait behind seconds of
 * stale ones. Refused at once, the excess costs a short Error and the latest command is never late.
 *
 * <p>{@link #arrived} runs on the transport's thread; {@link #taken} and {@link #admit} on the
 * link's serial executor. Thread-safe. Internal API shared by the server session and the client
 * connection.
 */
public final class InboundFlow {

    private static final Logger log = LoggerFactory.getLogger(InboundFlow.class);

    /** What {@link #admit} says about a decoded frame. */
    public enum Verdict {
        /** Handle every message. */
        ADMIT,
        /** The frame carries more messages than a frame may: drop it whole. */
        TOO_MANY_IN_FRAME,
        /** The link is over its rate: refuse the frame's metered messages. */
        OVER_RATE
    }

    private final ButtplugConnector connector;
    private final MessageLimits limits;
    private final TokenBucket rate;
    private final String label;
    /** Frames queued and not yet handled; through {@link #QUEUED_FRAMES} (no AtomicInteger per link). */
    private volatile int queuedFrames;
    private static final AtomicIntegerFieldUpdater<InboundFlow> QUEUED_FRAMES =
            AtomicIntegerFieldUpdater.newUpdater(InboundFlow.class, "queuedFrames");
    /** Bytes of frames queued and not yet handled; through {@link #QUEUED_BYTES} (no AtomicLong per link). */
    private volatile long queuedBytes;
    private static final AtomicLongFieldUpdater<InboundFlow> QUEUED_BYTES =
            AtomicLongFieldUpdater.newUpdater(InboundFlow.class, "queuedBytes");
    /** Guarded by this. */
    private boolean paused;
    private boolean aborted;

    /**
     * @param connector the link, for flow control and abort
     * @param limits    its limits
     * @param nanoClock monotonic nanoseconds (System::nanoTime outside tests)
     * @param label     names the link in logs (no secrets)
     */
    public InboundFlow(ButtplugConnector connector, MessageLimits limits, LongSupplier nanoClock, String label) {
        this.connector = connector;
        this.limits = limits;
        this.rate = new TokenBucket(limits.messagesPerSecond(), limits.burst(), nanoClock);
        this.label = label;
    }

    /**
     * A frame was read (transport thread).
     *
     * @param frame the frame's text, counted at 2 bytes per char
     * @return false when the frame must be dropped: the queue was full and the link is aborted
     */
    public boolean arrived(String frame) {
        int frames = QUEUED_FRAMES.incrementAndGet(this);
        long bytes = QUEUED_BYTES.addAndGet(this, 2L * frame.length());
        if (frames > limits.maxQueuedFrames() || bytes > limits.maxQueuedBytes()) {
            QUEUED_FRAMES.decrementAndGet(this);
            QUEUED_BYTES.addAndGet(this, -2L * frame.length());
            abort("more than " + limits.maxQueuedFrames() + " frames or " + limits.maxQueuedBytes()
                    + " bytes waiting to be handled");
            return false;
        }
        if (frames > limits.maxQueuedFrames() / 2 || bytes > limits.maxQueuedBytes() / 2) {
            pause();
        }
        return true;
    }

    /**
     * A frame left the queue to be handled, or was dropped (serial executor).
     *
     * @param frame the same text that was passed to {@link #arrived}
     */
    public void taken(String frame) {
        int frames = QUEUED_FRAMES.decrementAndGet(this);
        long bytes = QUEUED_BYTES.addAndGet(this, -2L * frame.length());
        if (frames <= limits.maxQueuedFrames() / 4 && bytes <= limits.maxQueuedBytes() / 4) {
            resume();
        }
    }

    /**
     * Meters a decoded frame of {@code messages} messages, all counted against the rate (serial
     * executor).
     *
     * @param messages the number of messages in the frame
     * @return whether to handle, drop or refuse the frame's messages
     */
    public Verdict admit(int messages) {
        return admit(messages, Math.max(1, messages));
    }

    /**
     * Meters a decoded frame of {@code messages} messages of which {@code counted} count against
     * the rate (stops and a client's replies are not counted). A frame over the per-frame cap is
     * charged the cap; nothing is charged when {@code counted} is 0. Over the rate nothing is
     * charged either: the refused messages cost the peer nothing it could save up.
     *
     * @param messages the number of messages in the frame
     * @param counted how many of them count against the rate, at most {@code messages}
     * @return whether to handle, drop or refuse the frame's messages
     */
    public Verdict admit(int messages, int counted) {
        return admit(messages, counted, 1);
    }

    /**
     * As {@link #admit(int, int)}, with the rate and burst multiplied by {@code scale} (a server
     * session's {@link MessageLimits#rateScale}: one budget per device present).
     *
     * @param messages the number of messages in the frame
     * @param counted how many of them count against the rate, at most {@code messages}
     * @param scale the multiplier of rate and burst, at least 1
     * @return whether to handle, drop or refuse the frame's messages
     */
    public synchronized Verdict admit(int messages, int counted, int scale) {
        if (messages > limits.maxMessagesPerFrame()) {
            rate.tryTake(limits.maxMessagesPerFrame(), scale);
            return Verdict.TOO_MANY_IN_FRAME;
        }
        return counted <= 0 || rate.tryTake(counted, scale) ? Verdict.ADMIT : Verdict.OVER_RATE;
    }

    /** The link ended: no more pauses. */
    public synchronized void close() {
        aborted = true;
    }

    /** Pauses the transport; its call is cheap and never calls back. */
    private synchronized void pause() {
        if (aborted || paused) {
            return;
        }
        paused = connector.pauseReading();
    }

    private synchronized void resume() {
        if (paused) {
            paused = false;
            connector.resumeReading();
        }
    }

    private void abort(String reason) {
        synchronized (this) {
            if (aborted) {
                return;
            }
            aborted = true;
        }
        log.warn("{}: closing the link: {}", label, reason);
        connector.abort(reason);
    }
}
