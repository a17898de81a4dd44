package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.core.ButtplugDeviceException;

import java.util.List;

/**
 * Zalo: both motors in one frame with response on {@code tx}, {@code [m s0' s1']}: {@code m} is
 * {@code 02} when both are stopped and {@code 01} otherwise, and a stopped motor is sent as 1.
 */
final class Zalo implements ProtocolHandler {

    private final int[] speeds = new int[2];

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        if (featureIndex < 0 || featureIndex > 1) {
            throw new ButtplugDeviceException("Zalo has no vibrator " + featureIndex);
        }
        speeds[featureIndex] = speed;
        int a = speeds[0];
        int b = speeds[1];
        return Frames.device(Endpoint.TX, true, a == 0 && b == 0 ? 0x02 : 0x01, a == 0 ? 1 : a, b == 0 ? 1 : b);
    }
}
