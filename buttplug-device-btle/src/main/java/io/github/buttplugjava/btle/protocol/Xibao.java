package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Xibao: {@code tx[66 3a 00 06 00 06 01 02 00 02 04 s s+b5]}, without response. */
final class Xibao implements ProtocolHandler {
    @Override
    public List<HardwareCommand> oscillate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x66, 0x3a, 0x00, 0x06, 0x00, 0x06, 0x01, 0x02, 0x00, 0x02, 0x04, speed, speed + 0xb5);
    }
}
