package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Amorelie Joy: init {@code tx[03]}; steady pattern {@code tx[01 01 speed]}, without response. */
final class AmorelieJoy implements ProtocolHandler {
    @Override
    public CompletableFuture<Void> initialize(HardwareIo io) {
        return io.write(Endpoint.TX, Frames.bytes(0x03), false);
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x01, 0x01, speed);
    }
}
