package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Cowgirl Cone: init {@code tx[aa 56 00 00]}, then the toy needs 3 s (the device layer waits them,
 * see {@link #settleTime()}); vibrate {@code tx[f1 01 speed 00]}, without response.
 */
final class CowgirlCone implements ProtocolHandler {
    static final Duration SETTLE = Duration.ofSeconds(3);

    @Override
    public CompletableFuture<Void> initialize(HardwareIo io) {
        return io.write(Endpoint.TX, Frames.bytes(0xaa, 0x56, 0x00, 0x00), false);
    }

    @Override
    public Duration settleTime() {
        return SETTLE;
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0xf1, 0x01, speed, 0x00);
    }
}
