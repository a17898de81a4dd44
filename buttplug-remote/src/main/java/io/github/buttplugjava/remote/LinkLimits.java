package io.github.buttplugjava.remote;

/**
 * What the hub accepts from one link before it closes it.
 *
 * @param maxFrameChars   longest frame, in characters
 * @param framesPerSecond sustained frames per second
 * @param burst           frames allowed at once above the sustained rate
 */
public record LinkLimits(int maxFrameChars, double framesPerSecond, int burst) {

    /**
     * 256 KiB frames, 1000 frames/s sustained, bursts of 2000: far above what any toy can take
     * (a game driving ten toys at 60 Hz sends 600), far below what would hurt the hub.
     */
    public static final LinkLimits DEFAULT = new LinkLimits(256 * 1024, 1000, 2000);

    /** @throws IllegalArgumentException on a limit that is not positive */
    public LinkLimits {
        if (maxFrameChars <= 0 || !(framesPerSecond > 0) || burst <= 0) {
            throw new IllegalArgumentException("link limits must be positive");
        }
    }
}
