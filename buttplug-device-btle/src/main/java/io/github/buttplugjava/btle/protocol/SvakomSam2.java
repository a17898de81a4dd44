package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Svakom Sam 2: vibrate {@code tx[55 03 00 00 (s?05:00) s 00]}, constrict {@code tx[55 09 00 00 on s 00]}, with response. */
final class SvakomSam2 implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, true, 0x55, 0x03, 0x00, 0x00, speed == 0 ? 0 : 5, speed, 0x00);
    }

    @Override
    public List<HardwareCommand> constrict(int featureIndex, int level) {
        return Frames.feature(featureIndex, Endpoint.TX, true, 0x55, 0x09, 0x00, 0x00, level == 0 ? 0 : 1, level, 0x00);
    }
}
