package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Meese: {@code tx[01 80 1+motor speed]}, with response. */
final class Meese implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, true, 0x01, 0x80, 0x01 + featureIndex, speed);
    }
}
