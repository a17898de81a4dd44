package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** The Cowgirl: vibration and rotation in one frame {@code tx[00 01 vibrate rotate]}, with response. */
final class Cowgirl implements ProtocolHandler {
    private int vibrate;
    private int rotate;

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        vibrate = speed;
        return frame();
    }

    @Override
    public List<HardwareCommand> rotate(int featureIndex, int speed) {
        rotate = speed;
        return frame();
    }

    private List<HardwareCommand> frame() {
        return Frames.device(Endpoint.TX, true, 0x00, 0x01, vibrate, rotate);
    }
}
