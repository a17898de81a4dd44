package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** MizzZee: {@code tx[69 96 03 01 on speed]}, without response. */
final class MizzZee implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x69, 0x96, 0x03, 0x01, speed == 0 ? 0 : 1, speed);
    }
}
