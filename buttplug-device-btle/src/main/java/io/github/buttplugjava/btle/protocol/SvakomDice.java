package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Svakom Dice: {@code tx[55 04 00 00 01 s aa]}, without response. */
final class SvakomDice implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x55, 0x04, 0x00, 0x00, 0x01, speed, 0xaa);
    }
}
