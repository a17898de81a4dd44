package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/**
 * Luvmazer: {@code tx[a0 type ...]} without response: vibrate {@code 01 00 motor 64 s}, rotate
 * {@code 0f 00 00 64 s}, oscillate {@code 06 01 00 64 s}, constrict {@code 0d 00 00 (s?14:0) s}.
 */
final class Luvmazer implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0xa0, 0x01, 0x00, featureIndex, 0x64, speed);
    }

    @Override
    public List<HardwareCommand> rotate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0xa0, 0x0f, 0x00, 0x00, 0x64, speed);
    }

    @Override
    public List<HardwareCommand> oscillate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0xa0, 0x06, 0x01, 0x00, 0x64, speed);
    }

    @Override
    public List<HardwareCommand> constrict(int featureIndex, int level) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0xa0, 0x0d, 0x00, 0x00, level == 0 ? 0 : 0x14, level);
    }
}
