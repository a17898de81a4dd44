package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * We-Vibe (4-bit): 8-byte frames on {@code tx}, with response. Handshake
 * {@code 0f 03 00 99 00 03 00 00}, {@code 0f 00 ..}. Speeds 0-15: internal motor in the high
 * nibble, external (the last motor) in the low one.
 */
final class WeVibe implements ProtocolHandler {

    private final int[] speeds = new int[2];
    private final int vibrators;

    /** @param vibrators how many vibrators the definition has */
    WeVibe(int vibrators) {
        this.vibrators = vibrators;
    }

    @Override
    public CompletableFuture<Void> initialize(HardwareIo io) {
        return io.write(Endpoint.TX, new byte[] {0x0f, 0x03, 0x00, (byte) 0x99, 0x00, 0x03, 0x00, 0x00}, true)
                .thenCompose(v -> io.write(Endpoint.TX, new byte[] {0x0f, 0, 0, 0, 0, 0, 0, 0}, true));
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        speeds[Math.min(featureIndex, 1)] = speed;
        int internal = speeds[0];
        int external = speeds[vibrators > 1 ? 1 : 0];
        byte[] frame = internal == 0 && external == 0
                ? new byte[] {0x0f, 0, 0, 0, 0, 0, 0, 0}
                : new byte[] {0x0f, 0x03, 0x00, (byte) (external | (internal << 4)), 0x00, 0x03, 0x00, 0x00};
        return List.of(HardwareCommand.writeDevice(Endpoint.TX, frame, true));
    }
}
