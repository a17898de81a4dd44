package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.btle.config.DeviceDefinition;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * WeToy: writes with response on {@code tx}. The handshake and the stop frame are {@code 80 03};
 * speed 1-3 is {@code b2 (s-1)}.
 */
final class WeToy implements ProtocolHandler {

    private static final byte[] STOP = Frames.bytes(0x80, 0x03);

    @Override
    public CompletableFuture<Void> initialize(HardwareIo io, DeviceDefinition definition) {
        return io.write(Endpoint.TX, STOP, true);
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return speed == 0
                ? Frames.feature(featureIndex, Endpoint.TX, true, 0x80, 0x03)
                : Frames.feature(featureIndex, Endpoint.TX, true, 0xb2, speed - 1);
    }
}
