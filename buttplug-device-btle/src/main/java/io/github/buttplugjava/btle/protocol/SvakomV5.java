package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/**
 * Svakom v5: both vibrators in {@code tx[55 03 which 00 on max(v1,v2)]} (which: 0 both/equal, 1
 * first, 2 second); oscillate {@code tx[55 09 00 00 s 00]}; without response.
 */
final class SvakomV5 implements ProtocolHandler {
    private static final long VIBRATORS = 1L << 62;
    private final int[] speeds = new int[2];

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        speeds[featureIndex] = speed;
        int v1 = speeds[0];
        int v2 = speeds[1];
        int which = (v1 > 0 && v2 > 0) || v1 == v2 ? 0 : v1 > 0 ? 1 : 2;
        return List.of(new HardwareCommand.Write(Endpoint.TX,
                Frames.bytes(0x55, 0x03, which, 0x00, v1 == v2 && v1 == 0 ? 0 : 1, Math.max(v1, v2)), false, VIBRATORS));
    }

    @Override
    public List<HardwareCommand> oscillate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x55, 0x09, 0x00, 0x00, speed, 0x00);
    }
}
