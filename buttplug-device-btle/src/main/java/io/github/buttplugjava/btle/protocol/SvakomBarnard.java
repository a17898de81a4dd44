package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Svakom Barnard: vibrate {@code tx[55 03 00 00 s on]}, oscillate {@code tx[55 08 00 00 s (s?ff:00)]}, without response. */
final class SvakomBarnard implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x55, 0x03, 0x00, 0x00, speed, speed == 0 ? 0 : 1);
    }

    @Override
    public List<HardwareCommand> oscillate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x55, 0x08, 0x00, 0x00, speed, speed == 0 ? 0 : 0xff);
    }
}
