package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Svakom Jordan: vibrate {@code tx[55 03 00 00 on s 00]}, oscillate {@code tx[55 08 00 00 on s 00]}, without response. */
final class SvakomJordan implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x55, 0x03, 0x00, 0x00, speed == 0 ? 0 : 1, speed, 0x00);
    }

    @Override
    public List<HardwareCommand> oscillate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x55, 0x08, 0x00, 0x00, speed == 0 ? 0 : 1, speed, 0x00);
    }
}
