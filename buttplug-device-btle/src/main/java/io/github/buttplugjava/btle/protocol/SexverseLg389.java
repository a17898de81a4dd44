package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Sexverse LG389: one frame {@code tx[aa 05 vibe 14 anchor 00 range 00 osc 00]}, with response. */
final class SexverseLg389 implements ProtocolHandler {
    private int vibe;
    private int osc;

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        vibe = speed;
        return frame();
    }

    @Override
    public List<HardwareCommand> oscillate(int featureIndex, int speed) {
        osc = speed;
        return frame();
    }

    private List<HardwareCommand> frame() {
        return Frames.device(Endpoint.TX, true, 0xaa, 0x05, vibe, 0x14, osc == 0 ? 0 : 1, 0x00, osc == 0 ? 0 : 4, 0x00, osc, 0x00);
    }
}
