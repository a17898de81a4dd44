package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Galaku pump: oscillate and vibrate in one scrambled frame {@code 5a 00 00 01 60 03 o v 00 00}, with response. */
final class GalakuPump implements ProtocolHandler {
    private int oscillate;
    private int vibrate;

    @Override
    public List<HardwareCommand> oscillate(int featureIndex, int speed) {
        oscillate = speed;
        return frame();
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        vibrate = speed;
        return frame();
    }

    private List<HardwareCommand> frame() {
        return List.of(HardwareCommand.writeDevice(Endpoint.TX,
                GalakuCipher.frame(0x5a, 0x00, 0x00, 0x01, 0x60, 0x03, oscillate, vibrate, 0x00, 0x00), true));
    }
}
