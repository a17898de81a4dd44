package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/**
 * Je Joue: one frame {@code tx[pattern speed]} for two motors: pattern 2 when motor 0 runs (at its
 * speed), 3 when only motor 1 runs, 1 when both stop. Without response.
 */
final class JeJoue implements ProtocolHandler {
    private final int[] speeds = new int[2];

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        speeds[featureIndex] = speed;
        int pattern = 1;
        int s = speeds[0];
        boolean second = false;
        if (s == 0) {
            s = speeds[1];
            if (s != 0) {
                second = true;
                pattern = 3;
            }
        }
        if (pattern == 1 && s != 0 && !second) {
            pattern = 2;
        }
        return Frames.device(Endpoint.TX, false, pattern, s);
    }
}
