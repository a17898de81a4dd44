package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/**
 * Svakom Ava Neo: feature 0 {@code tx[55 03 00 00 on s]}; other features vibrate
 * {@code tx[55 09 00 00 s ff]} or oscillate {@code tx[55 08 00 00 s ff]}; without response.
 */
final class SvakomAvaNeo implements ProtocolHandler {
    private static List<HardwareCommand> first(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x55, 0x03, 0x00, 0x00, speed == 0 ? 0 : 1, speed);
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return featureIndex == 0 ? first(featureIndex, speed)
                : Frames.feature(featureIndex, Endpoint.TX, false, 0x55, 0x09, 0x00, 0x00, speed, 0xff);
    }

    @Override
    public List<HardwareCommand> oscillate(int featureIndex, int speed) {
        return featureIndex == 0 ? first(featureIndex, speed)
                : Frames.feature(featureIndex, Endpoint.TX, false, 0x55, 0x08, 0x00, 0x00, speed, 0xff);
    }
}
