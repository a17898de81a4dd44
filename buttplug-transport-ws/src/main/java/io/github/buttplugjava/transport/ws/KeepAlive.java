package io.github.buttplugjava.transport.ws;

import java.time.Duration;
import java.util.Objects;

/**
 * WebSocket-level keepalive settings: every {@code interval} a ping frame goes to each open socket,
 * and a socket from which nothing at all (pong, text, binary, anything) arrived for longer than
 * {@code timeout} is closed as dead. Catches a peer that froze or whose network vanished while the
 * TCP connection stays half-open, whatever Buttplug client it runs: browsers, the npm {@code ws}
 * package, Tyrus and the JDK client answer pings on their own.
 *
 * @param interval time between pings; positive
 * @param timeout silence after which a socket is closed; longer than {@code interval}
 */
public record KeepAlive(Duration interval, Duration timeout) {

    /**
     * Validates the two durations.
     *
     * @param interval time between pings; must be positive
     * @param timeout silence after which a socket is closed; must be longer than {@code interval}
     * @throws NullPointerException when either duration is null
     * @throws IllegalArgumentException when {@code interval} is zero or negative, or {@code timeout}
     *         is not longer than it
     */
    public KeepAlive {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("keepalive interval must be positive: " + interval);
        }
        if (timeout.compareTo(interval) <= 0) {
            throw new IllegalArgumentException("keepalive timeout (" + timeout.toMillis()
                    + " ms) must be longer than the interval (" + interval.toMillis() + " ms)");
        }
    }

    /**
     * Pings every {@code interval} and allows three intervals of silence: the CLI's {@code --ws-keepalive-ms}.
     *
     * @param interval time between pings; must be positive
     * @return settings with {@code timeout} three times {@code interval}
     * @throws NullPointerException when {@code interval} is null
     * @throws IllegalArgumentException when {@code interval} is zero or negative
     */
    public static KeepAlive every(Duration interval) {
        return new KeepAlive(interval, interval.multipliedBy(3));
    }
}
