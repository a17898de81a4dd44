package io.github.buttplugjava.core.connector;

/**
 * What one link may make its receiver hold and do: the inbound half of the resource model in
 * {@code docs/LIMITS.md}. A Buttplug server session applies it to its client's frames; a client
 * applies it to what its server sends unasked (events: device lists, readings, errors with Id 0;
 * replies to its own requests are bounded by the requests and are not counted).
 *
 * <ul>
 *   <li>{@code maxMessagesPerFrame}: a frame carrying more messages is dropped whole (none of
 *       them runs) and answered with one spec Error (ERROR_MSG, Id 0); a client aborts the link.</li>
 *   <li>{@code messagesPerSecond} and {@code burst}: a token bucket counted in messages, not frames.
 *       Over it a server answers the excess messages with ERROR_MSG instead of running them (stop
 *       commands are never refused), and a client aborts the link. The excess is refused rather
 *       than the socket paused, so a peer's later commands never wait behind a backlog.</li>
 *   <li>{@code rateDevices}: a server session's rate and burst count <em>per device present</em>
 *       in its device manager, for at most this many devices (at least one is counted): a busy
 *       app driving twenty toys gets twenty times a one-toy app's budget, while a flood aimed at a
 *       server with one toy meets the one-toy budget. 1 makes the rate per link. A client's
 *       rate (events from its server) is always per link.</li>
 *   <li>{@code maxQueuedFrames} and {@code maxQueuedBytes}: frames read but not yet handled.
 *       At half of either the link is {@linkplain ButtplugConnector#pauseReading() paused} (when
 *       its transport can) until a quarter is left; at either bound it is
 *       {@linkplain ButtplugConnector#abort aborted} with the reason.</li>
 * </ul>
 *
 * @param maxMessagesPerFrame most messages in one frame
 * @param messagesPerSecond   sustained messages per second
 * @param burst               messages allowed at once above the sustained rate
 * @param maxQueuedFrames     most frames waiting to be handled
 * @param maxQueuedBytes      most bytes (UTF-16 chars × 2) of frames waiting to be handled
 * @param rateDevices         most devices a server session's rate and burst are multiplied by
 */
public record MessageLimits(int maxMessagesPerFrame, double messagesPerSecond, int burst,
                            int maxQueuedFrames, long maxQueuedBytes, int rateDevices) {

    /**
     * 64 messages per frame; 1,000 messages/s sustained with bursts of 2,000 per device present,
     * for up to 32 devices (a server with one toy: 1,000/s; with twenty: 20,000/s); 256 frames or
     * 4 MiB waiting. Far above what an honest app sends (a game driving ten toys at 60 Hz sends
     * 600 messages/s; a controller driving twenty toys as fast as their replies come, 8 commands
     * in flight, about 6,000/s on a loaded two-core machine), far below what would hurt a hub.
     */
    public static final MessageLimits DEFAULT = new MessageLimits(64, 1000, 2000, 256, 4L << 20, 32);

    /** No limit worth the name, for trusted in-process links and tests. */
    public static final MessageLimits UNLIMITED = new MessageLimits(Integer.MAX_VALUE, Double.POSITIVE_INFINITY,
            Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE, 1);

    /**
     * @param maxMessagesPerFrame most messages in one frame
     * @param messagesPerSecond sustained messages per second
     * @param burst messages allowed at once above the sustained rate
     * @param maxQueuedFrames most frames waiting to be handled
     * @param maxQueuedBytes most bytes (UTF-16 chars × 2) of frames waiting to be handled
     * @param rateDevices most devices a server session's rate and burst are multiplied by, at least 1
     * @throws IllegalArgumentException on a limit that is not positive
     */
    public MessageLimits {
        if (maxMessagesPerFrame < 1 || !(messagesPerSecond > 0) || burst < 1 || maxQueuedFrames < 1
                || maxQueuedBytes < 1 || rateDevices < 1) {
            throw new IllegalArgumentException("message limits must be positive");
        }
    }

    /**
     * Limits whose rate is per link ({@code rateDevices} 1).
     *
     * @param maxMessagesPerFrame most messages in one frame
     * @param messagesPerSecond sustained messages per second
     * @param burst messages allowed at once above the sustained rate
     * @param maxQueuedFrames most frames waiting to be handled
     * @param maxQueuedBytes most bytes (UTF-16 chars × 2) of frames waiting to be handled
     * @throws IllegalArgumentException on a limit that is not positive
     */
    public MessageLimits(int maxMessagesPerFrame, double messagesPerSecond, int burst,
                         int maxQueuedFrames, long maxQueuedBytes) {
        this(maxMessagesPerFrame, messagesPerSecond, burst, maxQueuedFrames, maxQueuedBytes, 1);
    }

    /**
     * How many times the per-device rate and burst a server session with {@code devicesPresent}
     * devices gets: that number, at least 1 and at most {@link #rateDevices()}.
     *
     * @param devicesPresent devices in the session's manager now
     * @return the multiplier, 1 to {@code rateDevices}
     */
    public int rateScale(int devicesPresent) {
        return Math.max(1, Math.min(devicesPresent, rateDevices));
    }

    /**
     * These limits with another device count the server rate may scale to.
     *
     * @param devices most devices a server session's rate and burst are multiplied by, at least 1
     *                (1: the rate is per link)
     * @return a copy with the new count
     */
    public MessageLimits withRateDevices(int devices) {
        return new MessageLimits(maxMessagesPerFrame, messagesPerSecond, burst, maxQueuedFrames, maxQueuedBytes,
                devices);
    }

    /**
     * These limits with another sustained rate and burst.
     *
     * @param messagesPerSecond sustained messages per second, positive
     * @param burst messages allowed at once above the sustained rate, at least 1
     * @return a copy with the new rate
     */
    public MessageLimits withRate(double messagesPerSecond, int burst) {
        return new MessageLimits(maxMessagesPerFrame, messagesPerSecond, burst, maxQueuedFrames, maxQueuedBytes,
                rateDevices);
    }

    /**
     * These limits with another cap on messages per frame.
     *
     * @param max most messages in one frame, at least 1
     * @return a copy with the new cap
     */
    public MessageLimits withMaxMessagesPerFrame(int max) {
        return new MessageLimits(max, messagesPerSecond, burst, maxQueuedFrames, maxQueuedBytes, rateDevices);
    }

    /**
     * These limits with other queue bounds.
     *
     * @param maxFrames most frames waiting to be handled, at least 1
     * @param maxBytes most bytes (UTF-16 chars × 2) of frames waiting to be handled, at least 1
     * @return a copy with the new bounds
     */
    public MessageLimits withQueue(int maxFrames, long maxBytes) {
        return new MessageLimits(maxMessagesPerFrame, messagesPerSecond, burst, maxFrames, maxBytes, rateDevices);
    }
}
