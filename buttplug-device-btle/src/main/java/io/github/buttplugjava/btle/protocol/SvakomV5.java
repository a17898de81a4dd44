package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.core.ButtplugDeviceException;

import java.util.List;

/**
 * Svakom v5 (Mora Neo, Chika, ...): without response on {@code tx}. Both vibrators share one frame
 * {@code [55 03 m 00 (any?01:00) max(s0,s1)]}, where {@code m} = {@link #motorSelect}; oscillate is
 * {@code [55 09 00 00 s 00]}.
 */
final class SvakomV5 implements ProtocolHandler {

    private static final long VIBRATORS = HardwareCommand.featureGroup(0) | HardwareCommand.featureGroup(1);

    private final int[] speeds = new int[2];

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        if (featureIndex < 0 || featureIndex > 1) {
            throw new ButtplugDeviceException("Svakom v5 has no vibrator " + featureIndex);
        }
        speeds[featureIndex] = speed;
        int a = speeds[0];
        int b = speeds[1];
        byte[] frame = Frames.bytes(0x55, 0x03, motorSelect(a, b), 0x00, a == 0 && b == 0 ? 0 : 1, Math.max(a, b));
        return List.of(new HardwareCommand.Write(Endpoint.TX, frame, false, VIBRATORS));
    }

    @Override
    public List<HardwareCommand> oscillate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x55, 0x09, 0x00, 0x00, speed, 0x00);
    }

    /** Which of two vibrators a shared frame drives: 0 both (or equal), 1 the first, 2 the second. */
    static int motorSelect(int first, int second) {
        if ((first > 0 && second > 0) || first == second) {
            return 0;
        }
        return first > 0 ? 1 : 2;
    }
}
