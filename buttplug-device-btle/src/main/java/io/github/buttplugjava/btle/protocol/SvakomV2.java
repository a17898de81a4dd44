package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Svakom v2: motor 1 {@code tx[55 06 01 00 s s]}, else {@code tx[55 03 03 00 on s]}, with response. */
final class SvakomV2 implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return featureIndex == 1
                ? Frames.feature(featureIndex, Endpoint.TX, true, 0x55, 0x06, 0x01, 0x00, speed, speed)
                : Frames.feature(featureIndex, Endpoint.TX, true, 0x55, 0x03, 0x03, 0x00, speed == 0 ? 0 : 1, speed);
    }
}
