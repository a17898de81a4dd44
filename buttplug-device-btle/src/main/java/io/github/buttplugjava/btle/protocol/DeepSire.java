package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** DeepSire: {@code tx[55 04 01 00 00 speed aa]}, without response. */
final class DeepSire implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x55, 0x04, 0x01, 0x00, 0x00, speed, 0xaa);
    }
}
