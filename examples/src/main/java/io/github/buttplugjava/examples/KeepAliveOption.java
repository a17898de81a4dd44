package io.github.buttplugjava.examples;

import io.github.buttplugjava.transport.ws.KeepAlive;
import java.time.Duration;

/** Turns the CLI's {@code --ws-keepalive-ms} into WebSocket keepalive settings, so serve and hub read it alike. */
final class KeepAliveOption {

    /** What {@code --ws-keepalive-ms} says in every command's help. */
    static final String HELP = "WebSocket keepalive: ping every client this often (ms) and close one that stays silent for three"
            + " times as long, which stops what it drove; 0 = off. Browsers and WebSocket libraries answer pings by themselves.";

    private KeepAliveOption() {
    }

    /**
     * Settings for a ping every {@code millis} and a close after {@code 3 * millis} of silence; null (off) for 0.
     *
     * @throws IllegalArgumentException when {@code millis} is negative
     */
    static KeepAlive fromMillis(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("--ws-keepalive-ms must be 0 (off) or positive: " + millis);
        }
        return millis == 0 ? null : KeepAlive.every(Duration.ofMillis(millis));
    }
}
