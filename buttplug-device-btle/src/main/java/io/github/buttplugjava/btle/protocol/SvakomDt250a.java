package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/**
 * Coleur Dor DT250A (Svakom): {@code tx[55 m 00 00 s x]} without response, {@code m} = {@code 03}
 * for the first vibrator, {@code 08} for the second and {@code 09} for constrict; {@code x} is 1
 * for a running vibrator, else 0.
 */
final class SvakomDt250a implements ProtocolHandler {

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x55, featureIndex == 0 ? 0x03 : 0x08, 0x00, 0x00,
                speed, speed == 0 ? 0 : 1);
    }

    @Override
    public List<HardwareCommand> constrict(int featureIndex, int level) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x55, 0x09, 0x00, 0x00, level, 0x00);
    }
}
