package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Bananasome: all three outputs in one frame {@code tx[a0 03 s0 s1 s2]}, without response. */
final class Bananasome implements ProtocolHandler {
    private final int[] speeds = new int[3];

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        speeds[featureIndex] = speed;
        return Frames.device(Endpoint.TX, false, 0xa0, 0x03, speeds[0], speeds[1], speeds[2]);
    }

    @Override
    public List<HardwareCommand> oscillate(int featureIndex, int speed) {
        return vibrate(featureIndex, speed);
    }
}
