package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/**
 * Kizuna Smart (serial, 19200 baud): rotation speed as one ASCII digit and CR LF on {@code tx},
 * without response: {@code '0'+speed, '\r', '\n'} (speed 0..9, 0 stops).
 */
final class Kizuna implements ProtocolHandler {
    @Override
    public List<HardwareCommand> rotate(int featureIndex, int speed) {
        if (speed < 0 || speed > 9) {
            throw new IllegalArgumentException("Kizuna rotation speed must be 0..9, got " + speed);
        }
        return Frames.feature(featureIndex, Endpoint.TX, false, '0' + speed, '\r', '\n');
    }
}
