package io.github.buttplugjava.remote;

/**
 * What the hub accepts from one link before it closes it.
 *
 * @param maxFrameChars   longest frame, in characters
 * @param framesPerSecond sustained frames per second
 * @param burst           frames allowed at once above the sustained rate
 */
public record LinkLimits(int maxFrameChars, double framesPerSecond, int burst) {

    /** 256 KiB frames, 200 frames/s sustained, bursts of 400. */
    public static final LinkLimits DEFAULT = new LinkLimits(256 * 1024, 200, 400);

    /** @throws IllegalArgumentException on a limit that is not positive */
    public LinkLimits {
        if (maxFrameChars <= 0 || !(framesPerSecond > 0) || burst <= 0) {
            throw new IllegalArgumentException("link limits must be positive");
        }
    }
}
