package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Picobong: {@code tx[01 (s?01:ff) s]}, without response. */
final class Picobong implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x01, speed == 0 ? 0xff : 0x01, speed);
    }
}
