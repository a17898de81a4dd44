package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Nexus Revo: vibrate {@code tx[aa 01 01 00 01 s]}, rotate {@code tx[aa 01 02 00 |s|(+2 if clockwise) 00]}, with response. */
final class NexusRevo implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, true, 0xaa, 0x01, 0x01, 0x00, 0x01, speed);
    }

    @Override
    public List<HardwareCommand> rotate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, true, 0xaa, 0x01, 0x02, 0x00, Math.abs(speed) + (speed > 0 ? 2 : 0), 0x00);
    }
}
