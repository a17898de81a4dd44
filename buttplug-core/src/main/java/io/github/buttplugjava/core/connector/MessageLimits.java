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
 */
public record MessageLimits(int maxMessagesPerFrame, double messagesPerSecond, int burst,
                            int maxQueuedFrames, long maxQueuedBytes) {

    /**
     * 64 messages per frame, 1,000 messages/s sustained with bursts of 2,000, 256 frames or 4 MiB
     * waiting: far above what any app sends (a game driving ten toys at 60 Hz sends 600
     * messages/s, the npm clients one message per frame), far below what would hurt a hub.
     */
    public static final MessageLimits DEFAULT = new MessageLimits(64, 1000, 2000, 256, 4L << 20);

    /** No limit worth the name, for trusted in-process links and tests. */
    public static final MessageLimits UNLIMITED = new MessageLimits(Integer.MAX_VALUE, Double.POSITIVE_INFINITY,
            Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE);

    /**
     * @param maxMessagesPerFrame most messages in one frame
     * @param messagesPerSecond sustained messages per second
     * @param burst messages allowed at once above the sustained rate
     * @param maxQueuedFrames most frames waiting to be handled
     * @param maxQueuedBytes most bytes (UTF-16 chars × 2) of frames waiting to be handled
     * @throws IllegalArgumentException on a limit that is not positive
     */
    public MessageLimits {
        if (maxMessagesPerFrame < 1 || !(messagesPerSecond > 0) || burst < 1 || maxQueuedFrames < 1
                || maxQueuedBytes < 1) {
            throw new IllegalArgumentException("message limits must be positive");
        }
    }

    /**
     * These limits with another sustained rate and burst.
     *
     * @param messagesPerSecond sustained messages per second, positive
     * @param burst messages allowed at once above the sustained rate, at least 1
     * @return a copy with the new rate
     */
    public MessageLimits withRate(double messagesPerSecond, int burst) {
        return new MessageLimits(maxMessagesPerFrame, messagesPerSecond, burst, maxQueuedFrames, maxQueuedBytes);
    }

    /**
     * These limits with another cap on messages per frame.
     *
     * @param max most messages in one frame, at least 1
     * @return a copy with the new cap
     */
    public MessageLimits withMaxMessagesPerFrame(int max) {
        return new MessageLimits(max, messagesPerSecond, burst, maxQueuedFrames, maxQueuedBytes);
    }

    /**
     * These limits with other queue bounds.
     *
     * @param maxFrames most frames waiting to be handled, at least 1
     * @param maxBytes most bytes (UTF-16 chars × 2) of frames waiting to be handled, at least 1
     * @return a copy with the new bounds
     */
    public MessageLimits withQueue(int maxFrames, long maxBytes) {
        return new MessageLimits(maxMessagesPerFrame, messagesPerSecond, burst, maxFrames, maxBytes);
    }
}
