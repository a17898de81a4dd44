package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Cachito: {@code tx[2+motor 1+motor speed 00]}, without response. */
final class Cachito implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 2 + featureIndex, 1 + featureIndex, speed, 0);
    }
}
