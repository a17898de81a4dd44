package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** ActiveJoy: {@code tx[b0 01 00 motor on speed]}, without response. */
final class ActiveJoy implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0xb0, 0x01, 0x00, featureIndex, speed == 0 ? 0 : 1, speed);
    }
}
