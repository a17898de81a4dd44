package io.github.buttplugjava.transport.ws;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a socket's listener calls one at a time, in order, without holding a lock while they run:
 * whichever thread finds the queue idle drains it, others only enqueue. So a listener may call back
 * into its connector (send, close) from any thread without deadlocking against the I/O thread.
 */
final class ListenerQueue {

    private static final Logger log = LoggerFactory.getLogger(ListenerQueue.class);

    private final Queue<Runnable> calls = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final String label;

    ListenerQueue(String label) {
        this.label = label;
    }

    /** Queues {@code call}; the caller must {@link #drain()} once it holds no lock. */
    void enqueue(Runnable call) {
        calls.add(call);
    }

    /** Runs queued calls unless another thread is already running them. */
    void drain() {
        while (!calls.isEmpty() && draining.compareAndSet(false, true)) {
            try {
                Runnable call;
                while ((call = calls.poll()) != null) {
                    try {
                        call.run();
                    } catch (RuntimeException e) {
                        log.warn("{}: listener failed", label, e);
                    }
                }
            } finally {
                draining.set(false);
            }
        }
    }
}
