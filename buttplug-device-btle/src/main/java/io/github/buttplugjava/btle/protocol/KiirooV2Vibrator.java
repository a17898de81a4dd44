package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Kiiroo v2 vibrators (Pearl2, Fuse, Titan): three motors in {@code tx[s0 s1 s2]}, without response. */
final class KiirooV2Vibrator implements ProtocolHandler {
    private final int[] speeds = new int[3];

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        speeds[featureIndex] = speed;
        return Frames.device(Endpoint.TX, false, speeds);
    }
}
