package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Nobra: init {@code tx[70]}; vibrate {@code tx[60+s]} ({@code 70} = stop), without response. */
final class Nobra implements ProtocolHandler {
    @Override
    public CompletableFuture<Void> initialize(HardwareIo io) {
        return io.write(Endpoint.TX, Frames.bytes(0x70), false);
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, speed == 0 ? 0x70 : 0x60 + speed);
    }
}
