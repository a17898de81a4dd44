package io.github.buttplugjava.core.client;

import io.github.buttplugjava.core.ButtplugPingException;
import io.github.buttplugjava.core.internal.SerialExecutor;
import io.github.buttplugjava.core.message.Ping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The client's automatic pings: every third of the server's MaxPingTime, never more often than a
 * floor, each handed to the serial executor; a failed ping closes the connection with a
 * {@link ButtplugPingException}. At most one connection is pinged at a time. Used on the client's
 * serial executor.
 */
final class Pinger {

    private static final Logger log = LoggerFactory.getLogger(ButtplugClient.class);

    private final ScheduledExecutorService timers;
    private final SerialExecutor serial;
    private final Duration minInterval;
    /** Pings at this interval whatever the MaxPingTime, or null to follow it. */
    private final Duration fixedInterval;
    private ScheduledFuture<?> task;

    Pinger(ScheduledExecutorService timers, SerialExecutor serial, Duration minInterval, Duration fixedInterval) {
        this.timers = timers;
        this.serial = serial;
        this.minInterval = minInterval;
        this.fixedInterval = fixedInterval;
    }

    /**
     * The ping period for a MaxPingTime: a third of it rather than the spec's suggested half (one
     * late ping on a busy machine then does not cost the link, since a strict server pings out
     * MaxPingTime after the last), at least 1 ms and at least {@code minInterval}.
     */
    static long periodMs(long maxPingMs, Duration minInterval) {
        return Math.max(minInterval.toMillis(), Math.max(1, maxPingMs / 3));
    }

    /**
     * Starts pinging {@code conn} for a server that announced {@code maxPingMs} (0 or less: no
     * pings). A tick does nothing once {@code conn} is closed or no longer {@code current}.
     */
    void start(ClientConnection conn, long maxPingMs, Predicate<ClientConnection> current) {
        if (maxPingMs <= 0) {
            return;
        }
        long period = fixedInterval != null ? fixedInterval.toMillis() : periodMs(maxPingMs, minInterval);
        if (fixedInterval == null && period > maxPingMs) {
            log.warn("the server asks for a ping every {} ms; this client pings at most every {} ms",
                    maxPingMs, period);
        }
        task = timers.scheduleAtFixedRate(() -> serial.execute(() -> {
            if (!current.test(conn) || !conn.isOpen()) {
                return;
            }
            conn.request(new Ping(1)).whenCompleteAsync((reply, error) -> {
                if (error != null && conn.isOpen()) {
                    Throwable cause = Failures.unwrap(error);
                    log.warn("ping failed: {}", cause.getMessage());
                    conn.close(new ButtplugPingException("Ping failed: " + cause.getMessage()));
                }
            }, serial);
        }), period, period, TimeUnit.MILLISECONDS);
    }

    /** Stops the pings, if any. */
    void stop() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }
}
