package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Cupido: {@code tx[b0 03 00 00 00 speed aa]}, without response. */
final class Cupido implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0xb0, 0x03, 0, 0, 0, speed, 0xaa);
    }
}
