package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Svakom DT250A: {@code tx[55 mode 00 00 s on]}, mode 03 vibrator 0, 08 vibrator 1, 09 constrict (on always 0 for 09); without response. */
final class SvakomDt250a implements ProtocolHandler {
    private static List<HardwareCommand> frame(int featureIndex, int mode, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x55, mode, 0x00, 0x00, speed,
                speed == 0 || mode == 0x09 ? 0 : 1);
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return frame(featureIndex, featureIndex == 0 ? 0x03 : 0x08, speed);
    }

    @Override
    public List<HardwareCommand> constrict(int featureIndex, int level) {
        return frame(featureIndex, 0x09, level);
    }
}
