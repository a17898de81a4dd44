package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Kiiroo PowerShot: both motors in {@code tx[01 00 00 s0 s1 00]}, with response; battery from {@code rxblebattery}. */
final class KiirooPowerShot implements ProtocolHandler {
    private final int[] speeds = new int[2];

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        speeds[featureIndex] = speed;
        return Frames.device(Endpoint.TX, true, 0x01, 0x00, 0x00, speeds[0], speeds[1], 0x00);
    }
}
