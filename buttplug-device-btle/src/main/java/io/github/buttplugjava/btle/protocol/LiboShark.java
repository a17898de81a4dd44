package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Libo Shark: both motors (0-3) in one byte {@code tx[s0<<4 | s1]}, without response. */
final class LiboShark implements ProtocolHandler {
    private final int[] speeds = new int[2];

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        speeds[featureIndex] = speed;
        return Frames.device(Endpoint.TX, false, (speeds[0] << 4) | speeds[1]);
    }
}
