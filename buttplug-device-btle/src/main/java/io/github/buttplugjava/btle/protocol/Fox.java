package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Fox: {@code tx[03 01 01 fe speed]}, without response. */
final class Fox implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x03, 0x01, 0x01, 0xfe, speed);
    }
}
