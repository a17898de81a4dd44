package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/**
 * ToyCod Tara X (Svakom): without response on {@code tx}, the first vibrator
 * {@code [55 03 00 00 s 02]} ({@code [.. 01 01]} when stopped), the second {@code [55 09 00 00 s 00]}.
 */
final class SvakomTaraX implements ProtocolHandler {

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        if (featureIndex != 0) {
            return Frames.feature(featureIndex, Endpoint.TX, false, 0x55, 0x09, 0x00, 0x00, speed, 0x00);
        }
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x55, 0x03, 0x00, 0x00,
                speed == 0 ? 1 : speed, speed == 0 ? 1 : 2);
    }
}
