package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** LoveDistance: init {@code tx[f3 00 00]}, {@code tx[f4 01]}; vibrate {@code tx[f3 00 s]}; all without response. */
final class LoveDistance implements ProtocolHandler {
    @Override
    public CompletableFuture<Void> initialize(HardwareIo io) {
        return io.write(Endpoint.TX, Frames.bytes(0xf3, 0, 0), false)
                .thenCompose(v -> io.write(Endpoint.TX, Frames.bytes(0xf4, 1), false));
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0xf3, 0x00, speed);
    }
}
