package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Svakom Alex: {@code tx[12 01 03 00 s(0 as ff) 00]}, without response. */
final class SvakomAlex implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 18, 1, 3, 0, speed == 0 ? 0xff : speed, 0);
    }
}
