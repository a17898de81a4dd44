package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/**
 * Lovehoney Desire: {@code tx[f3 motor s]} with response; motor 0 = all motors (one-motor devices,
 * or both motors at the same speed), else 1 and 2.
 */
final class LovehoneyDesire implements ProtocolHandler {
    private static final long FIRST = 1L << 62;
    private static final long SECOND = 1L << 61;
    private final int[] speeds;

    /** @param outputs how many outputs the definition has */
    LovehoneyDesire(int outputs) {
        speeds = new int[Math.max(1, outputs)];
    }


    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        if (speeds.length == 1) {
            return List.of(new HardwareCommand.Write(Endpoint.TX, Frames.bytes(0xf3, 0, speed), true, FIRST));
        }
        speeds[featureIndex] = speed;
        if (speeds[0] == speeds[1]) {
            return List.of(new HardwareCommand.Write(Endpoint.TX, Frames.bytes(0xf3, 0, speeds[0]), true, FIRST | SECOND));
        }
        return List.of(new HardwareCommand.Write(Endpoint.TX, Frames.bytes(0xf3, 1, speeds[0]), true, FIRST),
                new HardwareCommand.Write(Endpoint.TX, Frames.bytes(0xf3, 2, speeds[1]), true, SECOND));
    }
}
