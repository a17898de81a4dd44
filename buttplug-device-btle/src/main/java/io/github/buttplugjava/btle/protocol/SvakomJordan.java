package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/**
 * Svakom Jordan: without response on {@code tx}, vibrate {@code [55 03 00 00 (s?01:00) s 00]},
 * oscillate {@code [55 08 00 00 (s?01:00) s 00]}.
 */
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
