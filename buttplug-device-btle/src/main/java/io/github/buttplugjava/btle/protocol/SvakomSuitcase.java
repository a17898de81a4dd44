package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/**
 * Svakom Suitcase: motor 0 splits the value into intensity and speed
 * ({@code tx[55 03 00 00 intensity speed]}, speed = value mod 10 with 0 as 10 of the lower
 * intensity); other motors {@code tx[55 09 00 00 s 00]}; without response.
 */
final class SvakomSuitcase implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int value) {
        if (featureIndex != 0) {
            return Frames.feature(featureIndex, Endpoint.TX, false, 0x55, 0x09, 0x00, 0x00, value, 0x00);
        }
        int speed = value % 10;
        int intensity = value == 0 ? 0 : value / 10 + 1;
        if (speed == 0 && intensity != 0) {
            speed = 10;
            intensity -= 1;
        }
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x55, 0x03, 0x00, 0x00, intensity, speed);
    }
}
