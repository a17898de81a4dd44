package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Zalo: both motors in {@code tx[(both stopped?02:01) (s0 or 01) (s1 or 01)]}, with response. */
final class Zalo implements ProtocolHandler {
    private final int[] speeds = new int[2];

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        speeds[featureIndex] = speed;
        int s0 = speeds[0];
        int s1 = speeds[1];
        return Frames.feature(featureIndex, Endpoint.TX, true, s0 == 0 && s1 == 0 ? 0x02 : 0x01,
                s0 == 0 ? 1 : s0, s1 == 0 ? 1 : s1);
    }
}
