package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/**
 * Svakom Magic Suitcase: without response on {@code tx}. The first vibrator's 0-30 step is sent as
 * intensity and speed, {@code [55 03 00 00 i s]} with {@code s = step % 10} and
 * {@code i = step / 10 + 1} (a speed of 0 becomes 10 at one intensity lower; stopped is 0 0); the
 * second takes {@code [55 09 00 00 s 00]}.
 */
final class SvakomSuitcase implements ProtocolHandler {

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        if (featureIndex != 0) {
            return Frames.feature(featureIndex, Endpoint.TX, false, 0x55, 0x09, 0x00, 0x00, speed, 0x00);
        }
        int s = speed % 10;
        int intensity = speed == 0 ? 0 : speed / 10 + 1;
        if (s == 0 && intensity != 0) {
            s = 10;
            intensity--;
        }
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x55, 0x03, 0x00, 0x00, intensity, s);
    }
}
