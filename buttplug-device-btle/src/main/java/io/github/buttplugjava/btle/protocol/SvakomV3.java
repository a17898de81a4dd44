package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Svakom v3: vibrate motor 0 {@code tx[55 03 03 00 on s]}, other {@code tx[55 09 00 00 on s]}; rotate {@code tx[55 08 00 00 s ff]}; without response. */
final class SvakomV3 implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x55, featureIndex == 0 ? 0x03 : 0x09,
                featureIndex == 0 ? 0x03 : 0x00, 0x00, speed == 0 ? 0 : 1, speed);
    }

    @Override
    public List<HardwareCommand> rotate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x55, 0x08, 0x00, 0x00, speed, 0xff);
    }
}
