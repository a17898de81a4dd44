package io.github.buttplugjava.transport.ws.server;

import io.github.buttplugjava.transport.ws.KeepAlive;
import java.time.Duration;

/**
 * What every socket of one {@link WebSocketServer} is held to, copied from its builder.
 *
 * @param maxFrameSize largest text message, bytes
 * @param upgradeTimeout accept to upgraded
 * @param firstFrameTimeout upgraded to first text frame
 * @param maxUnsentBytes bytes handed to send and not yet written, per link
 * @param keepAlive pings and silence; null when off
 * @param closeGrace how long an orderly close waits for the peer's close frame
 */
record ServerSettings(int maxFrameSize, Duration upgradeTimeout, Duration firstFrameTimeout, long maxUnsentBytes,
                      KeepAlive keepAlive, Duration closeGrace) {

    /** HTTP request line limit of the upgrade request. */
    static final int MAX_REQUEST_LINE = 4096;

    /** HTTP header block limit of the upgrade request. */
    static final int MAX_HEADERS = 8192;

    /** Deepest request path upgraded ({@code /a/b/c/d}); deeper ones get HTTP 404. */
    static final int MAX_PATH_SEGMENTS = 4;

    /** How long a prompt close (abort, silence, shed) waits for its close frame to be flushed. */
    static final Duration PROMPT_CLOSE = Duration.ofSeconds(1);

    /** {@code 10 s} or {@code 200 ms}: how a duration reads in a close reason. */
    static String words(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }
}
