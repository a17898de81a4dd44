package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Sexverse v5: {@code tx[aa 03 03 speed 00 00 00]}, without response. */
final class SexverseV5 implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0xaa, 0x03, 0x03, speed, 0x00, 0x00, 0x00);
    }
}
