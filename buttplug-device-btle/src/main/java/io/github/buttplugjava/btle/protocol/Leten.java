package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Leten: init {@code tx[04 01]}; vibrate {@code tx[02 speed]}, both with response; repeated after 1 s of silence. */
final class Leten implements ProtocolHandler {
    @Override
    public CompletableFuture<Void> initialize(HardwareIo io) {
        return io.write(Endpoint.TX, Frames.bytes(0x04, 0x01), true);
    }

    @Override
    public java.util.Optional<java.time.Duration> keepalive() {
        return java.util.Optional.of(java.time.Duration.ofSeconds(1));
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, true, 0x02, speed);
    }
}
