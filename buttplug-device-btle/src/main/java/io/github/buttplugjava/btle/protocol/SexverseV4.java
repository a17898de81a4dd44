package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Sexverse v4: {@code tx[bb 01 speed 66]}, with response. */
final class SexverseV4 implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, true, 0xbb, 0x01, speed, 0x66);
    }
}
