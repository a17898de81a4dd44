package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Svakom Alex v2: {@code tx[55 03 03 00 s s+5]}, without response. */
final class SvakomAlexV2 implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x55, 3, 3, 0, speed, speed + 5);
    }
}
