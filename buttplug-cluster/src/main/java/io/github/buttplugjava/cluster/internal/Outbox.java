package io.github.buttplugjava.cluster.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Keeps the NATS reader thread from waiting on jnats' outgoing queue. A publish asked for on the
 * reader thread ({@link ReaderTap#onReaderThread()}), or while earlier ones still wait here, is
 * queued and published in order by one thread of its own, started for the burst and ended when
 * the queue is empty; any other publish goes straight to NATS (the common case: no hand-off).
 * A publish NATS discarded there ({@link DiscardWatch}) is {@linkplain #queue queued} too.
 * Publishes queued after one asked for earlier on any thread go after it, so a link's frames keep
 * their order.
 *
 * <p>Bounded: at most {@code maxFrames} frames and {@code maxBytes} bytes of frames wait; past
 * either a frame is refused (its link is closed with a reason). Close notices (at most a couple
 * per bridged link) wait up to {@code maxCloses}; past it one is dropped with a warning, and the
 * far end closes its end when it finds this node silent or its own sends refused.
 */
final class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    /** What {@link #submit} did with a publish. */
    enum Outcome {
        /** Not queued: the caller publishes now, on its own thread. */
        DIRECT,
        /** Queued: published in order on the outbox's thread. */
        QUEUED,
        /** Refused: the queue is at its bound. */
        FULL
    }

    /** One publish that waits. */
    record Item(String subject, byte[] body, boolean frame, Runnable refused) {
    }

    private final Consumer<Item> publisher;
    private final String threadName;
    private final int maxFrames;
    private final long maxBytes;
    private final int maxCloses;
    private final Deque<Item> items = new ArrayDeque<>();
    private int frames;
    private long bytes;
    private int closes;
    /** Items wait or one is being published; volatile for the lock-free common case in {@link #submit}. */
    private volatile boolean busy;

    /**
     * An outbox.
     *
     * @param publisher  publishes one item (may wait on NATS; throws when NATS refuses it)
     * @param threadName the name of the thread that empties it
     * @param maxFrames  most frames waiting
     * @param maxBytes   most bytes of frames waiting
     * @param maxCloses  most close notices waiting
     */
    Outbox(Consumer<Item> publisher, String threadName, int maxFrames, long maxBytes, int maxCloses) {
        this.publisher = publisher;
        this.threadName = threadName;
        this.maxFrames = maxFrames;
        this.maxBytes = maxBytes;
        this.maxCloses = maxCloses;
    }

    /**
     * Queues {@code item} when asked on the reader thread or while others wait, else leaves it to
     * the caller.
     *
     * @param item the publish
     * @return what was done with it
     */
    Outcome submit(Item item) {
        if (!busy && !ReaderTap.onReaderThread()) {
            return Outcome.DIRECT; // the common case, without the lock; a publish queued before this call set busy
        }
        return enqueue(item, false);
    }

    /**
     * Queues {@code item} whatever the thread (a publish NATS discarded, to be tried again in order).
     *
     * @param item the publish
     * @return {@link Outcome#QUEUED}, or {@link Outcome#FULL} at the bound
     */
    Outcome queue(Item item) {
        return enqueue(item, true);
    }

    private Outcome enqueue(Item item, boolean always) {
        synchronized (this) {
            if (!always && !busy && !ReaderTap.onReaderThread()) {
                return Outcome.DIRECT;
            }
            if (item.frame()) {
                if (frames >= maxFrames || bytes + item.body().length > maxBytes) {
                    return Outcome.FULL;
                }
                frames++;
                bytes += item.body().length;
            } else {
                if (closes >= maxCloses) {
                    return Outcome.FULL;
                }
                closes++;
            }
            items.add(item);
            if (busy) {
                return Outcome.QUEUED;
            }
            busy = true;
        }
        Thread t = new Thread(this::drain, threadName);
        t.setDaemon(true);
        t.start();
        return Outcome.QUEUED;
    }

    /** Items waiting (frames and close notices). */
    synchronized int waiting() {
        return items.size();
    }

    private void drain() {
        while (true) {
            Item next;
            synchronized (this) {
                next = items.poll();
                if (next == null) {
                    busy = false;
                    return;
                }
                if (next.frame()) {
                    frames--;
                    bytes -= next.body().length;
                } else {
                    closes--;
                }
            }
            try {
                publisher.accept(next);
            } catch (RuntimeException e) {
                if (next.refused() != null) {
                    next.refused().run();
                } else {
                    log.debug("a queued close notice was not published: {}", e.toString());
                }
            }
        }
    }
}
