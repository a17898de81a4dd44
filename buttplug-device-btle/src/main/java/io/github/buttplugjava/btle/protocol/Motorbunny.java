package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/**
 * Motorbunny: vibrate {@code tx[ff (s 14)x7 sum ec]} (stop {@code f0 00 00 00 00 ec}); rotate
 * {@code tx[af (dir s)x7 sum ec]} with dir 2a clockwise, 29 counter-clockwise (stop
 * {@code a0 00 00 00 00 ec}); sum = byte sum of the pairs. Without response.
 */
final class Motorbunny implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        if (speed == 0) {
            return Frames.feature(featureIndex, Endpoint.TX, false, 0xf0, 0, 0, 0, 0, 0xec);
        }
        return List.of(HardwareCommand.write(featureIndex, Endpoint.TX, frame(0xff, speed, 0x14), false));
    }

    @Override
    public List<HardwareCommand> rotate(int featureIndex, int speed) {
        if (speed == 0) {
            return Frames.feature(featureIndex, Endpoint.TX, false, 0xa0, 0, 0, 0, 0, 0xec);
        }
        return List.of(HardwareCommand.write(featureIndex, Endpoint.TX,
                frame(0xaf, speed >= 0 ? 0x2a : 0x29, Math.abs(speed)), false));
    }

    private static byte[] frame(int head, int a, int b) {
        byte[] out = new byte[17];
        out[0] = (byte) head;
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            out[1 + 2 * i] = (byte) a;
            out[2 + 2 * i] = (byte) b;
            sum += a + b;
        }
        out[15] = (byte) sum;
        out[16] = (byte) 0xec;
        return out;
    }
}
