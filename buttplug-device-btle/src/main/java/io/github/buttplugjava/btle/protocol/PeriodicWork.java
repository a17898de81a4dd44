package io.github.buttplugjava.btle.protocol;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Work a protocol needs done at a fixed interval while its device is connected: a keepalive resend,
 * a speed the toy forgets unless repeated, a stroker's steps toward a position. A handler declares
 * it ({@link ProtocolHandler#periodicWork()}); the device layer runs it on its own scheduler, queues
 * the writes in order with the commands, and ends it when the device disconnects or its source
 * closes. A handler starts no timer of its own.
 *
 * @param interval how often {@link Tick#next} is called, at least 1 ms
 * @param tick     what to write at each tick
 */
public record PeriodicWork(Duration interval, Tick tick) {

    /**
     * Checks the parts.
     *
     * @param interval how often {@link Tick#next} is called, at least 1 ms
     * @param tick what to write at each tick
     * @throws IllegalArgumentException when the interval is shorter than 1 ms
     * @throws NullPointerException     when a part is null
     */
    public PeriodicWork {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(tick, "tick");
        if (interval.toMillis() < 1) {
            throw new IllegalArgumentException("interval must be at least 1 ms: " + interval);
        }
    }

    /** What one tick writes. Called serially (never concurrently with itself), like the command methods. */
    @FunctionalInterface
    public interface Tick {

        /**
         * The writes of this tick, possibly none. No I/O: the device queues them.
         *
         * @param idle how long the device has gone without a write (commands and ticks alike)
         * @return the writes, in order
         */
        List<HardwareCommand> next(Duration idle);
    }
}
