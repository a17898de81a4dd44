package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/**
 * TryFun: oscillate {@code tx[aa 02 07 s sum]}, rotate {@code tx[aa 02 08 s sum]} (sum = ff minus
 * the bytes after the first, plus their count); vibrate {@code tx[00 02 00 05 mode s 01 stop fd-s]}.
 * All with response.
 */
final class TryFun implements ProtocolHandler {
    @Override
    public List<HardwareCommand> oscillate(int featureIndex, int speed) {
        return checked(featureIndex, 0x07, speed);
    }

    @Override
    public List<HardwareCommand> rotate(int featureIndex, int speed) {
        return checked(featureIndex, 0x08, speed);
    }

    private static List<HardwareCommand> checked(int featureIndex, int kind, int speed) {
        int sum = 0xff - 0x02 - kind - speed + 3;
        return Frames.feature(featureIndex, Endpoint.TX, true, 0xaa, 0x02, kind, speed, sum);
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, true, 0x00, 0x02, 0x00, 0x05, speed == 0 ? 1 : 2,
                speed == 0 ? 2 : speed, 0x01, speed == 0 ? 1 : 0, 0xfd - Math.max(speed & 0xff, 1));
    }
}
