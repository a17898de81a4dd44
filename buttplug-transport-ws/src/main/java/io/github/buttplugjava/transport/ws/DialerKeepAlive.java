package io.github.buttplugjava.transport.ws;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keepalive ticks of dialing connectors, all on one shared daemon thread (created on first use), so
 * a process with many connectors does not get a timer thread per socket.
 */
final class DialerKeepAlive {

    private static final Logger log = LoggerFactory.getLogger(DialerKeepAlive.class);

    private DialerKeepAlive() {
    }

    /** Lazy holder: no thread unless some connector asks for keepalive. */
    private static final class Scheduler {
        static final ScheduledExecutorService INSTANCE = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "buttplug-ws-dialer-keepalive");
            t.setDaemon(true);
            return t;
        });
    }

    /** Pings {@code pipe} every interval and closes it after {@code settings.timeout()} of silence, until it ends. */
    static void watch(SessionPipe pipe, KeepAlive settings) {
        long interval = settings.interval().toNanos();
        long timeout = settings.timeout().toNanos();
        ScheduledFuture<?> ticks = Scheduler.INSTANCE.scheduleAtFixedRate(() -> {
            try {
                pipe.keepAlive(System.nanoTime(), timeout);
            } catch (RuntimeException e) {
                log.warn("{}: keepalive failed", pipe.label(), e);
            }
        }, interval, interval, TimeUnit.NANOSECONDS);
        pipe.closedFuture().whenComplete((ok, error) -> ticks.cancel(false));
    }
}
