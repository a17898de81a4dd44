package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Kiiroo ProWand: {@code tx[00 00 64 on speed speed]}, without response; battery from {@code rxblebattery}. */
final class KiirooProWand implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x00, 0x00, 0x64, speed == 0 ? 0 : 0xff, speed, speed);
    }
}
