package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Svakom v1: {@code tx[55 04 03 00 on s]}, without response. */
final class SvakomV1 implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x55, 0x04, 0x03, 0x00, speed == 0 ? 0 : 1, speed);
    }
}
