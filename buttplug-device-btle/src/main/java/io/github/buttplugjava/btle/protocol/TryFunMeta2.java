package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/**
 * TryFun Meta 2: {@code tx[id 02 00 05 21 05 kind s sum]} without response, with a packet counter
 * {@code id}; kind 0b oscillate, 0e rotate (s = -(s+1) for clockwise, -s otherwise, as a byte),
 * 08 vibrate; sum = ff minus bytes 1..7 plus 8.
 */
final class TryFunMeta2 implements ProtocolHandler {
    private int packetId;

    private List<HardwareCommand> frame(int featureIndex, int kind, int value) {
        int id = packetId++ & 0xff;
        int sum = 0xff - (0x02 + 0x00 + 0x05 + 0x21 + 0x05 + kind + (value & 0xff)) + 8;
        return Frames.feature(featureIndex, Endpoint.TX, false, id, 0x02, 0x00, 0x05, 0x21, 0x05, kind, value, sum);
    }

    @Override
    public List<HardwareCommand> oscillate(int featureIndex, int speed) {
        return frame(featureIndex, 0x0b, speed);
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return frame(featureIndex, 0x08, speed);
    }

    @Override
    public List<HardwareCommand> rotate(int featureIndex, int speed) {
        int s = (byte) speed;
        if (s >= 0) {
            s += 1;
        }
        return frame(featureIndex, 0x0e, (byte) -s);
    }
}
