package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Maxpro: {@code tx[55 04 07 ff ff 3f s 5f s sum]} (sum of the first nine bytes), without response. */
final class Maxpro implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        int[] d = {0x55, 0x04, 0x07, 0xff, 0xff, 0x3f, speed & 0xff, 0x5f, speed & 0xff, 0};
        for (int i = 0; i < 9; i++) {
            d[9] += d[i];
        }
        return Frames.feature(featureIndex, Endpoint.TX, false, d);
    }
}
