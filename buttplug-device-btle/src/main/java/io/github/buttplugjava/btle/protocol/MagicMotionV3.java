package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Magic Motion v3 (Krush): {@code tx[0b ff 04 0a 46 46 00 04 08 speed 64 00]}, without response. */
final class MagicMotionV3 implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x0b, 0xff, 0x04, 0x0a, 0x46, 0x46, 0x00, 0x04, 0x08, speed, 0x64, 0x00);
    }
}
