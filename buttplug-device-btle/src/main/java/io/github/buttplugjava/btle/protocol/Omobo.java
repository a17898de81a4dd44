package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Omobo: {@code tx[a1 04 04 01 speed ff 55]}, with response. */
final class Omobo implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, true, 0xa1, 0x04, 0x04, 0x01, speed, 0xff, 0x55);
    }
}
