package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/**
 * TryFun Black Hole: {@code tx[id 02 00 03 kind s sum]} with a packet counter {@code id}, kind
 * {@code 0c} oscillate / {@code 09} vibrate, sum = ff minus bytes 1..5 plus 6. Without response.
 */
final class TryFunBlackHole implements ProtocolHandler {
    private int packetId;

    @Override
    public List<HardwareCommand> oscillate(int featureIndex, int speed) {
        return frame(featureIndex, 0x0c, speed);
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return frame(featureIndex, 0x09, speed);
    }

    private List<HardwareCommand> frame(int featureIndex, int kind, int speed) {
        int id = packetId++ & 0xff;
        int sum = 0xff - (0x02 + 0x00 + 0x03 + kind + speed) + 6;
        return Frames.feature(featureIndex, Endpoint.TX, false, id, 0x02, 0x00, 0x03, kind, speed, sum);
    }
}
