package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.ArrayList;
import java.util.List;

/**
 * Svakom Iker: both stopped {@code tx[55 07 00 00 00 00]}; else {@code tx[55 03 03 00 01 v0]} and,
 * when the second motor runs, {@code tx[55 07 00 00 v1 00]}; without response. Each frame's group
 * is the motors it carries (the first frame motor 0, the second motor 1, the stop frame both), so
 * in a batch for both motors the later frame of a motor replaces the earlier one.
 */
final class SvakomIker implements ProtocolHandler {
    private final int[] speeds = new int[2];

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        speeds[featureIndex] = speed;
        long first = HardwareCommand.featureGroup(0);
        long second = HardwareCommand.featureGroup(1);
        if (speeds[0] == 0 && speeds[1] == 0) {
            return List.of(new HardwareCommand.Write(Endpoint.TX, Frames.bytes(0x55, 0x07, 0, 0, 0, 0), false, first | second));
        }
        List<HardwareCommand> out = new ArrayList<>(2);
        out.add(new HardwareCommand.Write(Endpoint.TX, Frames.bytes(0x55, 0x03, 0x03, 0x00, 0x01, speeds[0]), false, first));
        if (speeds[1] > 0) {
            out.add(new HardwareCommand.Write(Endpoint.TX, Frames.bytes(0x55, 0x07, 0x00, 0x00, speeds[1], 0x00), false, second));
        }
        return out;
    }
}
