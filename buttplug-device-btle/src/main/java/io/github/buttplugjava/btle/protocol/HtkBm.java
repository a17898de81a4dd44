package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.core.ButtplugDeviceException;

import java.util.List;

/**
 * HTK breast massager: one mode byte without response on {@code tx} for both on/off motors:
 * {@code 0b} both, {@code 0c} left only, {@code 0d} right only, {@code 0f} off.
 */
final class HtkBm implements ProtocolHandler {

    private final int[] speeds = new int[2];

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        if (featureIndex < 0 || featureIndex > 1) {
            throw new ButtplugDeviceException("HTK massager has no motor " + featureIndex);
        }
        speeds[featureIndex] = speed;
        boolean left = speeds[0] != 0;
        boolean right = speeds[1] != 0;
        int mode = left && right ? 11 : left ? 12 : right ? 13 : 15;
        return Frames.device(Endpoint.TX, false, mode);
    }
}
