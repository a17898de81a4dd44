package io.github.buttplugjava.remote.link;

import java.time.Duration;

/**
 * The {@linkplain LinkExtensions#HEARTBEAT heartbeat} extension of the share link: the hub's
 * processing sends {@value #FRAME} to every agent that agreed to it at least every
 * {@link #PERIOD}, and such an agent's ping watchdog takes each one as a Buttplug Ping. A hub whose
 * processing dies or stalls sends no more beats, so its agents stop their toys within their
 * MaxPingTime as with Buttplug pings; the hub then needs no per-link ping timer, reply tracking or
 * codec pass to keep idle agents linked. An agent offers it only when its MaxPingTime leaves room
 * for {@link #BEATS_PER_MAX_PING_TIME} beats ({@link #fits}), and an older hub or agent simply
 * keeps Buttplug pings. Wire protocol of the share link, like {@link Hello}: public for the hub and
 * agent packages, not meant for apps.
 */
public final class Heartbeat {

    /** The frame, always exactly this text: {@value}. */
    public static final String FRAME = "{\"Heartbeat\":{}}";

    /** Longest time between two beats a hub sends to a link that agreed to the extension. */
    public static final Duration PERIOD = Duration.ofMillis(500);

    /** Beats an agent's MaxPingTime must leave room for, so one late beat does not cost the link: {@value}. */
    public static final int BEATS_PER_MAX_PING_TIME = 3;

    private Heartbeat() {
    }

    /**
     * Whether {@code frame} is a heartbeat rather than Buttplug.
     *
     * @param frame a text frame of the share link
     * @return whether it is exactly {@value #FRAME}
     */
    public static boolean isHeartbeat(String frame) {
        return FRAME.equals(frame);
    }

    /**
     * Whether an agent with this MaxPingTime may take the heartbeat as its liveness.
     *
     * @param maxPingTime the agent's MaxPingTime
     * @return whether it is at least {@link #BEATS_PER_MAX_PING_TIME} times {@link #PERIOD}
     */
    public static boolean fits(Duration maxPingTime) {
        return maxPingTime.compareTo(PERIOD.multipliedBy(BEATS_PER_MAX_PING_TIME)) >= 0;
    }
}
