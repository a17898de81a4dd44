package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** iToys: vibrate {@code tx[a0 01 00 00 speed ff]}, oscillate {@code tx[a0 06 on 00 on speed]}, without response. */
final class IToys implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0xa0, 0x01, 0x00, 0x00, speed, 0xff);
    }

    @Override
    public List<HardwareCommand> oscillate(int featureIndex, int speed) {
        int on = speed == 0 ? 0 : 1;
        return Frames.feature(featureIndex, Endpoint.TX, false, 0xa0, 0x06, on, 0x00, on, speed);
    }
}
