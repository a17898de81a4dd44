package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Lelo Harmony (Ida Wave, Tiani Harmony): {@link LeloAuthorisation} on {@code whitelist}; vibrate
 * and rotate {@code tx[0a 12 feature+1 08 00 00 00 00 s 00]}, without response.
 */
final class LeloHarmony implements ProtocolHandler {
    @Override
    public CompletableFuture<Void> initialize(HardwareIo io) {
        return LeloAuthorisation.run(io, io.hasEndpoint(Endpoint.WHITELIST) ? Endpoint.WHITELIST : Endpoint.GENERIC0);
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x0a, 0x12, featureIndex + 1, 0x08, 0, 0, 0, 0, speed, 0);
    }

    @Override
    public List<HardwareCommand> rotate(int featureIndex, int speed) {
        return vibrate(featureIndex, speed);
    }
}
