package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Lelo F1s: subscribes {@code rx}; both motors in {@code tx[01 s0 s1]}, without response. The F1s v2
 * ({@link LeloF1sV2}) uses the same frame with response, after {@link LeloAuthorisation}.
 */
final class LeloF1s implements ProtocolHandler {
    private final boolean v2;
    private final int[] speeds = new int[2];

    LeloF1s(boolean v2) {
        this.v2 = v2;
    }

    @Override
    public CompletableFuture<Void> initialize(HardwareIo io) {
        return io.subscribe(Endpoint.RX);
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        speeds[featureIndex] = speed;
        return Frames.device(Endpoint.TX, v2, 0x01, speeds[0], speeds[1]);
    }
}
