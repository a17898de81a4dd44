package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/**
 * Svakom Barnard (Fantasy Cup): without response on {@code tx}, vibrate
 * {@code [55 03 00 00 s (s?01:00)]}, oscillate {@code [55 08 00 00 s (s?ff:00)]}.
 */
final class SvakomBarnard implements ProtocolHandler {

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x55, 0x03, 0x00, 0x00, speed, speed == 0 ? 0x00 : 0x01);
    }

    @Override
    public List<HardwareCommand> oscillate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x55, 0x08, 0x00, 0x00, speed, speed == 0 ? 0x00 : 0xff);
    }
}
