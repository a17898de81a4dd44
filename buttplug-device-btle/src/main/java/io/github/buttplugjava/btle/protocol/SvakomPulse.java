package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Svakom Pulse: {@code tx[55 03 03 00 on s+1]}, without response. */
final class SvakomPulse implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x55, 0x03, 0x03, 0x00, speed == 0 ? 0 : 1, speed + 1);
    }
}
