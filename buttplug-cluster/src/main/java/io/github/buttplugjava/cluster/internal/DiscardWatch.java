package io.github.buttplugjava.cluster.internal;

import io.nats.client.Connection;

/**
 * Tells a publish that jnats discarded from one it took, on a connection built with
 * {@code discardMessagesWhenOutgoingQueueFull()}: such a connection never makes a publishing thread
 * wait while its outgoing queue is full (a hub I/O thread serving hundreds of links must not wait
 * on NATS), it drops the message and tells its error listener on the publishing thread. That
 * listener calls {@link #discarded()}; {@link #publish} reads it back for the same thread.
 */
final class DiscardWatch {

    private static final ThreadLocal<boolean[]> DISCARDED = ThreadLocal.withInitial(() -> new boolean[1]);

    private DiscardWatch() {
    }

    /** Called by the connection's {@code ErrorListener.messageDiscarded}, on the publishing thread. */
    static void discarded() {
        DISCARDED.get()[0] = true;
    }

    /**
     * Publishes {@code body} to {@code subject}.
     *
     * @param nats    the connection
     * @param subject the subject
     * @param body    the payload
     * @return false when jnats discarded it because its outgoing queue was full
     * @throws IllegalStateException    when the connection is closed
     * @throws IllegalArgumentException when the payload is larger than the server takes
     */
    static boolean publish(Connection nats, String subject, byte[] body) {
        boolean[] flag = DISCARDED.get();
        flag[0] = false;
        try {
            nats.publish(subject, body);
            return !flag[0];
        } finally {
            flag[0] = false;
        }
    }
}
