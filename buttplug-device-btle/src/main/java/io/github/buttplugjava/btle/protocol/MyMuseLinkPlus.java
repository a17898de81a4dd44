package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/**
 * MyMuse Link Plus: without response on {@code tx}, {@code [aa 55 06 01 01 01 s ff]} running and
 * {@code [aa 55 06 aa 00 00 00 00]} stopped.
 */
final class MyMuseLinkPlus implements ProtocolHandler {

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return speed == 0
                ? Frames.feature(featureIndex, Endpoint.TX, false, 0xaa, 0x55, 0x06, 0xaa, 0x00, 0x00, 0x00, 0x00)
                : Frames.feature(featureIndex, Endpoint.TX, false, 0xaa, 0x55, 0x06, 0x01, 0x01, 0x01, speed, 0xff);
    }
}
