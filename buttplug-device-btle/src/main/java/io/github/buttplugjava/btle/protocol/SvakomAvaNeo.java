package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/**
 * Svakom Ava Neo: without response on {@code tx}. The first feature takes
 * {@code [55 03 00 00 (s?01:00) s]} for vibrate and oscillate; a second one takes
 * {@code [55 09 00 00 s ff]} (vibrate) or {@code [55 08 00 00 s ff]} (oscillate).
 */
final class SvakomAvaNeo implements ProtocolHandler {

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return featureIndex == 0 ? first(speed) : Frames.feature(featureIndex, Endpoint.TX, false, 0x55, 0x09, 0x00, 0x00, speed, 0xff);
    }

    @Override
    public List<HardwareCommand> oscillate(int featureIndex, int speed) {
        return featureIndex == 0 ? first(speed) : Frames.feature(featureIndex, Endpoint.TX, false, 0x55, 0x08, 0x00, 0x00, speed, 0xff);
    }

    private static List<HardwareCommand> first(int speed) {
        return Frames.feature(0, Endpoint.TX, false, 0x55, 0x03, 0x00, 0x00, speed == 0 ? 0 : 1, speed);
    }
}
