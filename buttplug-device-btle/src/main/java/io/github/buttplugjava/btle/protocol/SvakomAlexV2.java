package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Svakom Alex Neo 2: {@code tx[55 03 03 00 s s+5]} without response. */
final class SvakomAlexV2 implements ProtocolHandler {

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x55, 0x03, 0x03, 0x00, speed, speed + 5);
    }
}
