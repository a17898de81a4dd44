package io.github.buttplugjava.cluster.internal;

import io.nats.client.Message;
import io.nats.client.ReadListener;

/**
 * Hands the frames and close notices of bridged links to their ends on the NATS client's reader
 * thread, as each is read (jnats calls a connection's {@link ReadListener} there for every
 * message). A frame thus skips the hand-off to a dispatcher thread: on a loaded machine each
 * hand-off costs a wake-up, and a bridged round trip has two of them (docs/PERFORMANCE.md).
 *
 * <p>Order and bounds: frames and closes of one link are handled in the order they were read,
 * which is the order their sender published them; nothing is queued here. What an end does with
 * a frame never blocks: the owner's end hands it to the hub session's bounded queue, the entry's
 * end to the socket's bounded send buffer (over a bound the link is closed, as on a direct link).
 * A close is handled as soon as it is read, never behind frames waiting in a queue (stop first).
 */
public final class ReaderTap implements ReadListener {

    private static final ThreadLocal<Boolean> ON_READER = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private volatile Bridges bridges;

    /** A tap that hands nothing on until {@link Bridges} attaches itself. */
    public ReaderTap() {
    }

    /** Frames are handed to {@code b} from now on. */
    void attach(Bridges b) {
        this.bridges = b;
    }

    @Override
    public void message(String op, Message message) {
        Bridges b = bridges;
        if (b != null && message != null) {
            ON_READER.set(Boolean.TRUE);
            try {
                b.onRead(message);
            } finally {
                ON_READER.set(Boolean.FALSE);
            }
        }
    }

    /**
     * Whether the calling thread is handing a bridged frame or close to its end right now (the
     * NATS reader thread of some node): a publish there must not wait ({@link Outbox}).
     *
     * @return true on the reader thread, inside the tap
     */
    static boolean onReaderThread() {
        return ON_READER.get();
    }

    @Override
    public void protocol(String op, String text) {
        // pings, pongs, info: nothing for the bridges
    }
}
