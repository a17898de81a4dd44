package io.github.buttplugjava.examples.hardening;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loop on its own daemon thread, capped in iterations and time, that the test can stop. Used for
 * hostile senders whose writes may block when the server (rightly) stops reading them: the test
 * closes their socket, which unblocks the write.
 */
final class Bounded implements AutoCloseable {

    interface Step {
        /** One iteration; returns false to end the loop. */
        boolean run(int i) throws Exception;
    }

    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;
    volatile int iterations;

    private Bounded(String name, int maxIterations, Duration maxTime, Step step) {
        long deadline = System.nanoTime() + maxTime.toNanos();
        thread = new Thread(() -> {
            try {
                for (int i = 0; i < maxIterations && !stop.get() && System.nanoTime() < deadline; i++) {
                    iterations = i + 1;
                    if (!step.run(i)) {
                        return;
                    }
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }, name);
        thread.setDaemon(true);
    }

    static Bounded start(String name, int maxIterations, Duration maxTime, Step step) {
        Bounded b = new Bounded(name, maxIterations, maxTime, step);
        b.thread.start();
        return b;
    }

    boolean stopped() {
        return stop.get();
    }

    /** Why the loop ended early, if it threw (a hostile sender's write fails once it is closed). */
    Throwable failure() {
        return failure.get();
    }

    boolean isRunning() {
        return thread.isAlive();
    }

    /** Waits up to {@code within} for the loop to end by itself (its cap or deadline); does not stop it. */
    void join(Duration within) throws InterruptedException {
        thread.join(within.toMillis());
    }

    /** Asks the loop to end and waits up to {@code within}. */
    void stopAndJoin(Duration within) throws InterruptedException {
        stop.set(true);
        thread.join(within.toMillis());
    }

    @Override
    public void close() throws InterruptedException {
        stopAndJoin(Duration.ofSeconds(5));
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
