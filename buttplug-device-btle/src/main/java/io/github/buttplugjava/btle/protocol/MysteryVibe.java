package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.btle.config.DeviceDefinition;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * MysteryVibe: init {@code txmode[43 02 00]} with response; every motor's speed in one frame on
 * {@code txvibrate}, without response, repeated after 93 ms of silence.
 */
final class MysteryVibe implements ProtocolHandler {
    private int[] speeds = new int[1];

    @Override
    public CompletableFuture<Void> initialize(HardwareIo io, DeviceDefinition definition) {
        speeds = new int[Math.max(1, definition.countOutputFeatures())];
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
