package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Magic Motion v2: both motors in {@code tx[10 ff 04 0a 32 0a 00 04 08 s0 64 00 04 08 s1 64 01]}, without response. */
final class MagicMotionV2 implements ProtocolHandler {
    private final int[] speeds = new int[2];

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        speeds[featureIndex] = speed;
        return Frames.device(Endpoint.TX, false, 0x10, 0xff, 0x04, 0x0a, 0x32, 0x0a, 0x00, 0x04, 0x08, speeds[0], 0x64, 0x00,
                0x04, 0x08, speeds[1], 0x64, 0x01);
    }
}
