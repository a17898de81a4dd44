package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/**
 * Svakom v4 and Barney: both vibrators in one frame {@code tx[55 03 which 00 on max 00]} (which 0
 * for one-motor devices, both running or equal; 1 first; 2 second; {@code on} is 01, or 03 for
 * Barney), without response.
 */
final class SvakomTwoVibrators implements ProtocolHandler {
    private static final long VIBRATORS = 1L << 62;
    private final int onByte;
    private final int[] speeds = new int[2];
    private final int vibrators;

    /**
     * @param onByte    the model's "on" byte
     * @param vibrators how many vibrators the definition has
     */
    SvakomTwoVibrators(int onByte, int vibrators) {
        this.onByte = onByte;
        this.vibrators = vibrators;
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        if (featureIndex > 1) {
            throw ProtocolHandler.unsupported("vibrator " + featureIndex);
        }
        speeds[featureIndex] = speed;
        int v1 = speeds[0];
        int v2 = speeds[1];
        int which = vibrators == 1 || (v1 > 0 && v2 > 0) || v1 == v2 ? 0 : v1 > 0 ? 1 : 2;
        return List.of(new HardwareCommand.Write(Endpoint.TX,
                Frames.bytes(0x55, 0x03, which, 0x00, v1 == v2 && v1 == 0 ? 0 : onByte, Math.max(v1, v2), 0x00), false, VIBRATORS));
    }
}
