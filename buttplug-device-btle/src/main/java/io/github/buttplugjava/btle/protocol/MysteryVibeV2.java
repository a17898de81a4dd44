package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.core.ButtplugDeviceException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * MysteryVibe v2 (Tenuto 2, Crescendo 2, ...): {@link MysteryVibe}'s frames after a different
 * init, {@code txmode[03 02 40]} with response; every motor's speed in one frame on
 * {@code txvibrate}, without response, repeated after 93 ms of silence.
 */
final class MysteryVibeV2 implements ProtocolHandler {

    private final int[] speeds;

    /** @param outputs how many outputs the definition has */
    MysteryVibeV2(int outputs) {
        speeds = new int[Math.max(1, outputs)];
    }

    @Override
    public CompletableFuture<Void> initialize(HardwareIo io) {
        return io.write(Endpoint.TXMODE, Frames.bytes(0x03, 0x02, 0x40), true);
    }

    @Override
    public Optional<Duration> keepalive() {
        return Optional.of(Duration.ofMillis(93));
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        if (featureIndex < 0 || featureIndex >= speeds.length) {
            throw new ButtplugDeviceException("MysteryVibe has no motor " + featureIndex);
        }
        speeds[featureIndex] = speed;
        return Frames.device(Endpoint.TXVIBRATE, false, speeds);
    }
}
