package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.core.internal.Deadlines;
import io.github.buttplugjava.remote.link.PresenceFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Sends one agent its room's presence, latest wins: a change only marks the feed; the picture is
 * taken when a frame goes, at most one frame is being sent at a time, and frames are at least
 * {@link #MIN_GAP} apart. So any number of changes (64 controllers joining at once, two
 * controllers fighting over a toy at 60 Hz) costs the agent at most one frame per gap, and an agent
 * that does not read makes the hub hold at most one presence frame for it (the link's own bound on
 * unsent bytes then closes it). A frame equal to the last one sent is not sent again. Thread-safe.
 */
final class PresenceFeed {

    private static final Logger log = LoggerFactory.getLogger(PresenceFeed.class);

    /** Least time between two presence frames to one agent. */
    static final Duration MIN_GAP = Duration.ofMillis(200);

    private final Supplier<PresenceFrame> picture;
    private final Function<String, CompletableFuture<Void>> sender;
    private final Scheduling scheduling;

    private boolean changed;
    private boolean inFlight;
    private boolean scheduled;
    private boolean closed;
    private boolean everSent;
    private long lastSentNanos;
    private String lastFrame;
    private ScheduledFuture<?> timer;

    PresenceFeed(Supplier<PresenceFrame> picture, Function<String, CompletableFuture<Void>> sender, Scheduling scheduling) {
        this.picture = picture;
        this.sender = sender;
        this.scheduling = scheduling;
    }

    /** Something the agent is told of changed; it hears the latest picture soon. Never blocks. */
    void changed() {
        boolean now;
        synchronized (this) {
            if (closed) {
                return;
            }
            changed = true;
            now = arm();
        }
        startIf(now);
    }

    /** Stops sending. Idempotent. */
    synchronized void close() {
        closed = true;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    /**
     * Under the lock: when a frame is due and none is on its way, arms the timer for it, or says
     * it may go now (the caller starts it outside the lock, so no picture is ever taken under it).
     */
    private boolean arm() {
        if (!changed || inFlight || scheduled || closed) {
            return false;
        }
        scheduled = true;
        long wait = everSent ? lastSentNanos + MIN_GAP.toNanos() - scheduling.nanoTime() : 0;
        if (wait <= 0) {
            return true;
        }
        timer = Deadlines.later(Duration.ofNanos(wait), this::send, scheduling);
        return false;
    }

    private void startIf(boolean now) {
        if (now) {
            scheduling.executor().execute(this::send);
        }
    }

    private void send() {
        synchronized (this) {
            scheduled = false;
            timer = null;
            if (closed || !changed) {
                return;
            }
            changed = false;
            inFlight = true;
        }
        String frame;
        try {
            frame = picture.get().encode();
        } catch (RuntimeException e) {
            log.warn("could not take the room's presence", e);
            done(null);
            return;
        }
        synchronized (this) {
            if (!frame.equals(lastFrame)) {
                lastFrame = frame;
                lastSentNanos = scheduling.nanoTime();
                everSent = true;
            } else {
                frame = null;
            }
        }
        if (frame == null) {
            // nothing the agent would see changed: it is not sent again
            done(null);
            return;
        }
        CompletableFuture<Void> sent;
        try {
            sent = sender.apply(frame);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((v, e) -> done(e));
    }

    private void done(Throwable error) {
        boolean now;
        synchronized (this) {
            inFlight = false;
            if (error != null) {
                // the link is ending: its end unsubscribes this feed
                closed = true;
                return;
            }
            now = arm();
        }
        startIf(now);
    }
}
