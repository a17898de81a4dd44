package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.Arrays;
import java.util.List;

/**
 * TryFun Yuan series and Surge, with response on {@code tx}. Oscillate {@code [aa 02 07 s c]},
 * rotate {@code [aa 02 08 s c]}, with check byte {@code c} from {@link #withCheck}. The Surge
 * vibrates with {@code [00 02 00 05 a b 01 d (fd - max(s,1))]}, where {@code a b d} are
 * {@code 02 s 00} when running and {@code 01 02 01} when stopped.
 */
final class TryFun implements ProtocolHandler {

    @Override
    public List<HardwareCommand> oscillate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, true, withCheck(0, 0xaa, 0x02, 0x07, speed));
    }

    @Override
    public List<HardwareCommand> rotate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, true, withCheck(0, 0xaa, 0x02, 0x08, speed));
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        boolean on = speed != 0;
        return Frames.feature(featureIndex, Endpoint.TX, true, 0x00, 0x02, 0x00, 0x05,
                on ? 2 : 1, on ? speed : 2, 0x01, on ? 0 : 1, 0xfd - Math.max(speed, 1));
    }

    /**
     * The frame with the TryFun check byte appended: {@code 0xff} minus the sum of every byte
     * after the first, plus the number of those bytes plus {@code extraCount}, modulo 256.
     */
    static int[] withCheck(int extraCount, int... frame) {
        int sum = 0xff;
        for (int i = 1; i < frame.length; i++) {
            sum -= frame[i];
        }
        sum += frame.length - 1 + extraCount;
        int[] out = Arrays.copyOf(frame, frame.length + 1);
        out[frame.length] = sum & 0xff;
        return out;
    }
}
