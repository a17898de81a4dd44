package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Svakom Tara X: motor 0 {@code tx[55 03 00 00 (s or 01) (s?02:01)]}, others {@code tx[55 09 00 00 s 00]}; without response. */
final class SvakomTaraX implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return featureIndex == 0
                ? Frames.feature(featureIndex, Endpoint.TX, false, 0x55, 0x03, 0x00, 0x00, speed == 0 ? 1 : speed, speed == 0 ? 1 : 2)
                : Frames.feature(featureIndex, Endpoint.TX, false, 0x55, 0x09, 0x00, 0x00, speed, 0x00);
    }
}
