package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** ManNuo: {@code tx[aa 55 06 01 01 01 s fa xor]}, with response. */
final class ManNuo implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        int[] d = {0xaa, 0x55, 0x06, 0x01, 0x01, 0x01, speed & 0xff, 0xfa, 0};
        for (int i = 0; i < 8; i++) {
            d[8] ^= d[i];
        }
        return Frames.feature(featureIndex, Endpoint.TX, true, d);
    }
}
