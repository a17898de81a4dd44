package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Xiuxiuda: {@code tx[00 00 00 00 65 3a 30 speed 64]}, without response. */
final class Xiuxiuda implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x00, 0x00, 0x00, 0x00, 0x65, 0x3a, 0x30, speed, 0x64);
    }
}
