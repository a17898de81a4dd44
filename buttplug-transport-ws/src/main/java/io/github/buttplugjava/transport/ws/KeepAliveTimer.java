package io.github.buttplugjava.transport.ws;

import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one thread of a server that pings all its sockets and closes the silent ones, so no socket needs its own timer. */
final class KeepAliveTimer {

    private static final Logger log = LoggerFactory.getLogger(KeepAliveTimer.class);

    private final ScheduledExecutorService scheduler;

    /** Starts ticking every {@code settings.interval()} over whatever {@code pipes} holds at each tick. */
    KeepAliveTimer(KeepAlive settings, Collection<SessionPipe> pipes, String name) {
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            return t;
        });
        long interval = settings.interval().toNanos();
        long timeout = settings.timeout().toNanos();
        scheduler.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            for (SessionPipe pipe : pipes) {
                try {
                    pipe.keepAlive(now, timeout);
                } catch (RuntimeException e) {
                    // one broken socket must not end the ticks of the others
                    log.warn("{}: keepalive failed", pipe.label(), e);
                }
            }
        }, interval, interval, TimeUnit.NANOSECONDS);
    }

    /** Stops ticking. */
    void stop() {
        scheduler.shutdownNow();
    }
}
