package io.github.buttplugjava.core.internal;

import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.MessageLimits;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbound half of one link's resource model ({@link MessageLimits}): counts the frames read
 * but not yet handled, pauses the transport at half the bound and aborts the link at the bound,
 * and meters messages through a token bucket (pausing the transport while in debt, or telling the
 * caller to refuse when the transport cannot pause).
 *
 * <p>{@link #arrived} runs on the transport's thread; {@link #taken} and {@link #admit} on the
 * link's serial executor; the rate pause ends on a timer. Thread-safe. Internal API shared by the
 * server session and the client connection.
 */
public final class InboundFlow {

    private static final Logger log = LoggerFactory.getLogger(InboundFlow.class);

    /** What {@link #admit} says about a decoded frame. */
    public enum Verdict {
        /** Handle every message. */
        ADMIT,
        /** The frame carries more messages than a frame may: drop it whole. */
        TOO_MANY_IN_FRAME,
        /** The link is over its rate and its transport cannot pause: refuse these messages. */
        OVER_RATE
    }

    private final ButtplugConnector connector;
    private final MessageLimits limits;
    private final ScheduledExecutorService timers;
    private final TokenBucket rate;
    private final String label;
    private final AtomicInteger queuedFrames = new AtomicInteger();
    private final AtomicLong queuedBytes = new AtomicLong();
    /** Why reading is paused now: bit 1 for a full queue, bit 2 for rate debt. Guarded by this. */
    private int pausedFor;
    private boolean pausable = true;
    private boolean aborted;
    private ScheduledFuture<?> rateResume;

    /**
     * @param connector the link, for flow control and abort
     * @param limits    its limits
     * @param timers    runs the end of a rate pause (its task only resumes reading)
     * @param nanoClock monotonic nanoseconds (System::nanoTime outside tests)
     * @param label     names the link in logs (no secrets)
     */
    public InboundFlow(ButtplugConnector connector, MessageLimits limits, ScheduledExecutorService timers,
                       LongSupplier nanoClock, String label) {
        this.connector = connector;
        this.limits = limits;
        this.timers = timers;
        this.rate = new TokenBucket(limits.messagesPerSecond(), limits.burst(), nanoClock);
        this.label = label;
    }

    /**
     * A frame was read (transport thread).
     *
     * @return false when the frame must be dropped: the queue was full and the link is aborted
     */
    public boolean arrived(String frame) {
        int frames = queuedFrames.incrementAndGet();
        long bytes = queuedBytes.addAndGet(2L * frame.length());
        if (frames > limits.maxQueuedFrames() || bytes > limits.maxQueuedBytes()) {
            queuedFrames.decrementAndGet();
            queuedBytes.addAndGet(-2L * frame.length());
            abort("more than " + limits.maxQueuedFrames() + " frames or " + limits.maxQueuedBytes()
                    + " bytes waiting to be handled");
            return false;
        }
        if (frames > limits.maxQueuedFrames() / 2 || bytes > limits.maxQueuedBytes() / 2) {
            pause(1);
        }
        return true;
    }

    /** A frame left the queue to be handled, or was dropped (serial executor). */
    public void taken(String frame) {
        int frames = queuedFrames.decrementAndGet();
        long bytes = queuedBytes.addAndGet(-2L * frame.length());
        if (frames <= limits.maxQueuedFrames() / 4 && bytes <= limits.maxQueuedBytes() / 4) {
            resume(1);
        }
    }

    /**
     * Meters a decoded frame of {@code messages} messages, all counted against the rate (serial
     * executor). A frame over the per-frame cap is charged the cap.
     */
    public Verdict admit(int messages) {
        return admit(messages, Math.max(1, messages));
    }

    /**
     * Meters a decoded frame of {@code messages} messages of which {@code counted} count against
     * the rate (a client does not count replies to its own requests). Nothing is charged when
     * {@code counted} is 0.
     */
    public Verdict admit(int messages, int counted) {
        if (messages > limits.maxMessagesPerFrame()) {
            charge(limits.maxMessagesPerFrame());
            return Verdict.TOO_MANY_IN_FRAME;
        }
        return counted <= 0 || charge(counted) ? Verdict.ADMIT : Verdict.OVER_RATE;
    }

    /** Whether the transport could pause when last asked (before the first pause: assumed yes). */
    public synchronized boolean pausable() {
        return pausable;
    }

    /** Frames read and not yet handled. */
    public int queuedFrames() {
        return queuedFrames.get();
    }

    /** The link ended: no more pauses or timers. */
    public synchronized void close() {
        aborted = true;
        if (rateResume != null) {
            rateResume.cancel(false);
            rateResume = null;
        }
    }

    private synchronized boolean charge(int messages) {
        if (!pausable) {
            return rate.tryTake(messages);
        }
        long debtNanos = rate.take(messages);
        if (debtNanos > 0) {
            pause(2);
            if (!pausable) {
                // the transport cannot pause: this frame is read already, so refuse it
                return false;
            }
            if (!aborted && rateResume == null) {
                rateResume = timers.schedule(this::rateRepaid, debtNanos, TimeUnit.NANOSECONDS);
            }
        }
        return true;
    }

    private synchronized void rateRepaid() {
        rateResume = null;
        if (aborted) {
            return;
        }
        long debt = rate.take(0);
        if (debt > 0) {
            rateResume = timers.schedule(this::rateRepaid, debt, TimeUnit.NANOSECONDS);
            return;
        }
        resume(2);
    }

    /** Pauses the transport for {@code reason} (a bit); the transport's call is cheap and never calls back. */
    private synchronized void pause(int reason) {
        if (aborted || !pausable) {
            return;
        }
        boolean ask = pausedFor == 0;
        pausedFor |= reason;
        if (ask) {
            pausable = connector.pauseReading();
            if (!pausable) {
                pausedFor = 0;
            }
        }
    }

    private synchronized void resume(int reason) {
        if (pausedFor == 0) {
            return;
        }
        pausedFor &= ~reason;
        if (pausedFor == 0) {
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
