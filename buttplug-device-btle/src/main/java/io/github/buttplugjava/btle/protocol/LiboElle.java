package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/**
 * Libo Elle: motor 1 on {@code tx}: 0, {@code (s-1)<<4|1} for 1..7, {@code (s-8)<<4|4} above;
 * motor 0 on {@code txmode} as the speed. Without response.
 */
final class LiboElle implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        if (featureIndex == 1) {
            int data = 0;
            if (speed > 0 && speed <= 7) {
                data = ((speed - 1) << 4) | 1;
            } else if (speed > 7) {
                data = ((speed - 8) << 4) | 4;
            }
            return Frames.feature(featureIndex, Endpoint.TX, false, data);
        }
        return Frames.feature(featureIndex, Endpoint.TXMODE, false, speed);
    }
}
