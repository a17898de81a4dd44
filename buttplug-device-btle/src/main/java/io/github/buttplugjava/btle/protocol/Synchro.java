package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Synchro: {@code tx[a1 01 (ccw<<7)|speed 77 55]}, without response. */
final class Synchro implements ProtocolHandler {
    @Override
    public List<HardwareCommand> rotate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0xa1, 0x01, Math.abs(speed) | (speed >= 0 ? 0 : 0x80), 0x77, 0x55);
    }
}
