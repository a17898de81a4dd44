package io.github.buttplugjava.remote;

/**
 * The hub's old per-link limits, kept only so that {@link RemoteServer.Builder#limits} callers
 * still compile.
 *
 * @param maxFrameChars   longest frame, in characters
 * @param framesPerSecond sustained frames per second
 * @param burst           frames allowed at once above the sustained rate
 * @deprecated frame-rate limiting of agent links closed honest agents for answering; use
 *             {@link RemoteServer.Builder#maxFrameSize(int)} and
 *             {@link RemoteServer.Builder#messageLimits(io.github.buttplugjava.core.connector.MessageLimits)}
 */
@Deprecated
public record LinkLimits(int maxFrameChars, double framesPerSecond, int burst) {

    /** 256 KiB frames, 1000 frames/s sustained, bursts of 2000. */
    public static final LinkLimits DEFAULT = new LinkLimits(256 * 1024, 1000, 2000);

    /** @throws IllegalArgumentException on a limit that is not positive */
    public LinkLimits {
        if (maxFrameChars <= 0 || !(framesPerSecond > 0) || burst <= 0) {
            throw new IllegalArgumentException("link limits must be positive");
        }
    }
}
