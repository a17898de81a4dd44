package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/**
 * Xibao masturbation cup: a fixed 13-byte oscillation frame on {@code tx} (no response) ending in
 * the speed (0-99) and a check byte, speed + 0xb5 modulo 256.
 */
final class Xibao implements ProtocolHandler {

    @Override
    public List<HardwareCommand> oscillate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false,
                0x66, 0x3a, 0x00, 0x06, 0x00, 0x06, 0x01, 0x02, 0x00, 0x02, 0x04, speed, (speed + 0xb5) & 0xff);
    }
}
