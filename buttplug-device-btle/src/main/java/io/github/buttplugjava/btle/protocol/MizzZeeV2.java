package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** MizzZee v2: {@code tx[69 96 04 02 speed 2c speed]}, without response. */
final class MizzZeeV2 implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x69, 0x96, 0x04, 0x02, speed, 0x2c, speed);
    }
}
