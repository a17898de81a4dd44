package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.core.ButtplugDeviceException;

import java.util.ArrayList;
import java.util.List;

/**
 * Svakom Iker: two vibrators, without response on {@code tx}. Every command sends the first
 * motor's frame {@code [55 03 03 00 01 s0]}, then {@code [55 07 00 00 s1 00]} when the second runs;
 * with both stopped, only {@code [55 07 00 00 00 00]}.
 */
final class SvakomIker implements ProtocolHandler {

    private static final long FIRST = HardwareCommand.featureGroup(0);
    private static final long SECOND = HardwareCommand.featureGroup(1);

    private final int[] speeds = new int[2];

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        if (featureIndex < 0 || featureIndex > 1) {
            throw new ButtplugDeviceException("Svakom Iker has no vibrator " + featureIndex);
        }
        speeds[featureIndex] = speed;
        if (speeds[0] == 0 && speeds[1] == 0) {
            return List.of(write(SECOND, 0x55, 0x07, 0x00, 0x00, 0x00, 0x00));
        }
        List<HardwareCommand> out = new ArrayList<>(2);
        out.add(write(FIRST, 0x55, 0x03, 0x03, 0x00, 0x01, speeds[0]));
        if (speeds[1] > 0) {
            out.add(write(SECOND, 0x55, 0x07, 0x00, 0x00, speeds[1], 0x00));
        }
        return out;
    }

    private static HardwareCommand write(long group, int... data) {
        return new HardwareCommand.Write(Endpoint.TX, Frames.bytes(data), false, group);
    }
}
