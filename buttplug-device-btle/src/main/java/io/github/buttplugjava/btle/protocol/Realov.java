package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Realov: {@code tx[c5 55 s aa]}, without response. */
final class Realov implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0xc5, 0x55, speed, 0xaa);
    }
}
