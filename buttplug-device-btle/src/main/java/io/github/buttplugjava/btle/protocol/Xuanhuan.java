package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/**
 * Xuanhuan: {@code tx[03 02 00 s]}, with response. (The reference also repeats the frame every
 * 300 ms while running; this library does not.)
 */
final class Xuanhuan implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.device(Endpoint.TX, true, 0x03, 0x02, 0x00, speed);
    }
}
