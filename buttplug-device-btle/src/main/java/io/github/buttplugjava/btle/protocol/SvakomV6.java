package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/**
 * Svakom v6: vibrators 0 and 1 in {@code tx[55 03 which 00 on max 00]} (which 0 for one-motor
 * devices, both or equal; 1 first; 2 second); vibrator 2 {@code tx[55 07 00 00 on s 00]}; without response.
 */
final class SvakomV6 implements ProtocolHandler {
    private static final long VIBRATORS = 1L << 62;
    private final int[] speeds = new int[3];
    private final int vibrators;

    /** @param vibrators how many vibrators the definition has */
    SvakomV6(int vibrators) {
        this.vibrators = vibrators;
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        speeds[featureIndex] = speed;
        if (featureIndex < 2) {
            int v1 = speeds[0];
            int v2 = speeds[1];
            int which = vibrators == 1 || (v1 > 0 && v2 > 0) || v1 == v2 ? 0 : v1 > 0 ? 1 : 2;
            return List.of(new HardwareCommand.Write(Endpoint.TX,
                    Frames.bytes(0x55, 0x03, which, 0x00, v1 == v2 && v1 == 0 ? 0 : 1, Math.max(v1, v2), 0x00), false, VIBRATORS));
        }
        int v3 = speeds[2];
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x55, 0x07, 0x00, 0x00, v3 == 0 ? 0 : 1, v3, 0x00);
    }
}
