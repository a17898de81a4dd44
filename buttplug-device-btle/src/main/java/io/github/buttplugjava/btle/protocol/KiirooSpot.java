package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Kiiroo Spot: {@code tx[00 ff 00 00 00 speed]}, without response; battery from {@code rxblebattery}. */
final class KiirooSpot implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x00, 0xff, 0x00, 0x00, 0x00, speed);
    }
}
