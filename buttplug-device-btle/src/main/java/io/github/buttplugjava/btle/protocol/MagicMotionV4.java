package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/**
 * Magic Motion v4: {@code tx[10 ff 04 0a 32 32 00 04 08 s0 64 00 04 08 s1 64 01]}, with response;
 * a one-motor device sends its speed twice.
 */
final class MagicMotionV4 implements ProtocolHandler {
    private final int[] speeds;

    /** @param outputs how many outputs the definition has */
    MagicMotionV4(int outputs) {
        speeds = new int[Math.max(1, outputs)];
    }


    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        int s0;
        int s1;
        if (speeds.length == 1) {
            s0 = speed;
            s1 = speed;
        } else {
            speeds[featureIndex] = speed;
            s0 = speeds[0];
            s1 = speeds[1];
        }
        return Frames.device(Endpoint.TX, true, 0x10, 0xff, 0x04, 0x0a, 0x32, 0x32, 0x00, 0x04, 0x08, s0, 0x64, 0x00,
                0x04, 0x08, s1, 0x64, 0x01);
    }
}
