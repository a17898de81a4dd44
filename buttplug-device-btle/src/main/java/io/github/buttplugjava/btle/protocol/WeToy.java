package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** WeToy: init {@code tx[80 03]}; vibrate {@code tx[b2 s-1]}, stop {@code tx[80 03]}, with response. */
final class WeToy implements ProtocolHandler {
    @Override
    public CompletableFuture<Void> initialize(HardwareIo io) {
        return io.write(Endpoint.TX, Frames.bytes(0x80, 0x03), true);
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return speed == 0
                ? Frames.feature(featureIndex, Endpoint.TX, true, 0x80, 0x03)
                : Frames.feature(featureIndex, Endpoint.TX, true, 0xb2, speed - 1);
    }
}
