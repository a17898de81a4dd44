package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Svakom Sam: subscribes {@code rx}; second generation (a {@code txmode} or {@code firmware}
 * endpoint) vibrates with {@code tx[12 01 03 00 (s?04:00) s]}, the first with
 * {@code tx[12 01 03 00 05 s]}; suction {@code tx[12 06 01 s]}; without response.
 */
final class SvakomSam implements ProtocolHandler {
    private boolean secondGeneration;

    @Override
    public CompletableFuture<Void> initialize(HardwareIo io) {
        secondGeneration = io.hasEndpoint(Endpoint.TXMODE) || io.hasEndpoint(Endpoint.FIRMWARE);
        return io.subscribe(Endpoint.RX);
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return secondGeneration
                ? Frames.feature(featureIndex, Endpoint.TX, false, 18, 1, 3, 0, speed == 0 ? 0 : 4, speed)
                : Frames.feature(featureIndex, Endpoint.TX, false, 18, 1, 3, 0, 5, speed);
    }

    @Override
    public List<HardwareCommand> constrict(int featureIndex, int level) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 18, 6, 1, level);
    }
}
