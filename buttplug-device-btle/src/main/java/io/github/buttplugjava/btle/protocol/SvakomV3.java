package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/**
 * Svakom v3: without response on {@code tx}. Vibrate {@code [55 03 03 00 (s?01:00) s]} for the
 * first feature and {@code [55 09 00 00 (s?01:00) s]} for others; rotate {@code [55 08 00 00 s ff]}.
 */
final class SvakomV3 implements ProtocolHandler {

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        boolean first = featureIndex == 0;
        return Frames.feature(featureIndex, Endpoint.TX, false,
                0x55, first ? 0x03 : 0x09, first ? 0x03 : 0x00, 0x00, speed == 0 ? 0 : 1, speed);
    }

    @Override
    public List<HardwareCommand> rotate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x55, 0x08, 0x00, 0x00, speed, 0xff);
    }
}
