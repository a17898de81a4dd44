package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.Arrays;
import java.util.List;

/**
 * TryFun Meta 2: {@code tx[n 02 00 05 21 05 m s c]} without response, where {@code n} is a packet
 * counter, {@code m} is {@code 0b} oscillate, {@code 08} vibrate, {@code 0e} rotate, and {@code c}
 * the TryFun check byte counting the counter too. Rotation is sent as the signed byte
 * {@code -(s+1)} for clockwise {@code s >= 0} and {@code -s} otherwise.
 */
final class TryFunMeta2 implements ProtocolHandler {

    private int packet;

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
        return frame(featureIndex, 0x0e, speed >= 0 ? -(speed + 1) : -speed);
    }

    private List<HardwareCommand> frame(int featureIndex, int motor, int value) {
        int n = packet;
        packet = (packet + 1) & 0xff;
        return Frames.feature(featureIndex, Endpoint.TX, false,
                withCheck(n, 0x02, 0x00, 0x05, 0x21, 0x05, motor, value & 0xff));
    }

    /** The frame with its check byte: 0xff minus the bytes after the counter, plus the frame length. */
    private static int[] withCheck(int... frame) {
        int sum = 0xff + frame.length;
        for (int i = 1; i < frame.length; i++) {
            sum -= frame[i];
        }
        int[] out = Arrays.copyOf(frame, frame.length + 1);
        out[frame.length] = sum & 0xff;
        return out;
    }
}
