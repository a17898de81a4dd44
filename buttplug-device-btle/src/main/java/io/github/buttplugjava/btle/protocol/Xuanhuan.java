package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Xuanhuan masturbator: {@code tx[03 02 00 s]} with response, speed 0-10. */
final class Xuanhuan implements ProtocolHandler {

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, true, 0x03, 0x02, 0x00, speed);
    }
}
