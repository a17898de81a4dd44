package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Lelo F1s v2 (and F2): {@link LeloAuthorisation}, then the F1s frame with response; a device
 * without a {@code whitelist} endpoint authorises on {@code generic0} and speaks Harmony frames.
 */
final class LeloF1sV2 implements ProtocolHandler {
    private ProtocolHandler frames = new LeloF1s(true);

    @Override
    public CompletableFuture<Void> initialize(HardwareIo io) {
        boolean harmony = !io.hasEndpoint(Endpoint.WHITELIST);
        if (harmony) {
            frames = new LeloHarmony();
        }
        return LeloAuthorisation.run(io, harmony ? Endpoint.GENERIC0 : Endpoint.WHITELIST);
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return frames.vibrate(featureIndex, speed);
    }

    @Override
    public List<HardwareCommand> rotate(int featureIndex, int speed) {
        return frames.rotate(featureIndex, speed);
    }
}
