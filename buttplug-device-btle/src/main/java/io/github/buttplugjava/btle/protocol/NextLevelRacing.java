package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/**
 * Next Level Racing HF8 haptic gaming pad (serial, 115200 baud): one ASCII line per motor on
 * {@code tx}, without response: {@code M<feature><speed>\r}, speed in decimal without padding
 * (0..255, 0 stops).
 */
final class NextLevelRacing implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return List.of(HardwareCommand.write(featureIndex, Endpoint.TX,
                Lovense.ascii("M" + featureIndex + speed + "\r"), false));
    }
}
