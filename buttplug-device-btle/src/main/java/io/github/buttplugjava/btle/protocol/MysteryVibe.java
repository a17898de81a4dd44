package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * MysteryVibe: init {@code txmode[43 02 00]} with response; every motor's speed in one frame on
 * {@code txvibrate}, without response, repeated after 93 ms of silence.
 */
final class MysteryVibe implements ProtocolHandler {
    private final int[] speeds;

    /** @param outputs how many outputs the definition has */
    MysteryVibe(int outputs) {
        speeds = new int[Math.max(1, outputs)];
    }

    @Override
    public CompletableFuture<Void> initialize(HardwareIo io) {
        return io.write(Endpoint.TXMODE, Frames.bytes(0x43, 0x02, 0x00), true);
    }

    @Override
    public Optional<Duration> keepalive() {
        return Optional.of(Duration.ofMillis(93));
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        speeds[featureIndex] = speed;
        return Frames.device(Endpoint.TXVIBRATE, false, speeds);
    }
}
