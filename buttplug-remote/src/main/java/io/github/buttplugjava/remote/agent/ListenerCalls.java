package io.github.buttplugjava.remote.agent;

import io.github.buttplugjava.core.internal.SerialExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executor;

/**
 * Calls an agent's listener one call at a time, in order, on the scheduling's executor, never on a
 * socket thread; a listener that throws is logged and does not stop the calls after it. Calls
 * handed in after the executor shut down are dropped.
 */
final class ListenerCalls {

    private static final Logger log = LoggerFactory.getLogger(ListenerCalls.class);

    private final SerialExecutor serial;
    private final String owner;

    /**
     * @param executor where the calls run
     * @param owner    whose listener, for the log (e.g. "RemoteClient")
     */
    ListenerCalls(Executor executor, String owner) {
        this.serial = SerialExecutor.droppingWhenRejected(executor);
        this.owner = owner;
    }

    /** Queues one call. */
    void tell(Runnable call) {
        serial.execute(() -> {
            try {
                call.run();
            } catch (RuntimeException e) {
                log.warn("a {} listener threw", owner, e);
            }
        });
    }

    /** The serial executor the calls run on, for parts that queue their own listener calls in the same order. */
    SerialExecutor serial() {
        return serial;
    }
}
