package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Sakuraneko: vibrate {@code tx[a1 08 01 00 00 00 64 s 00 64 df 55]}, rotate {@code tx[a2 08 01 00 00 00 64 s 00 32 df 55]}, without response. */
final class Sakuraneko implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0xa1, 0x08, 0x01, 0x00, 0x00, 0x00, 0x64, speed, 0x00, 0x64, 0xdf, 0x55);
    }

    @Override
    public List<HardwareCommand> rotate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0xa2, 0x08, 0x01, 0x00, 0x00, 0x00, 0x64, speed, 0x00, 0x32, 0xdf, 0x55);
    }
}
