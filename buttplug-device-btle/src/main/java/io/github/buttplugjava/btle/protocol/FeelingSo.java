package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** FeelingSo: vibration and oscillation in one frame {@code tx[aa 40 03 v o 14 19]}, without response. */
final class FeelingSo implements ProtocolHandler {
    private int vibrate;
    private int oscillate;

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        vibrate = speed;
        return frame();
    }

    @Override
    public List<HardwareCommand> oscillate(int featureIndex, int speed) {
        oscillate = speed;
        return frame();
    }

    private List<HardwareCommand> frame() {
        return Frames.device(Endpoint.TX, false, 0xaa, 0x40, 0x03, vibrate, oscillate, 0x14, 0x19);
    }
}
