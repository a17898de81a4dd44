package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Svakom Alex Neo: {@code tx[12 01 03 00 s 00]} without response; stop sends {@code ff} as the speed. */
final class SvakomAlex implements ProtocolHandler {

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x12, 0x01, 0x03, 0x00, speed == 0 ? 0xff : speed, 0x00);
    }
}
