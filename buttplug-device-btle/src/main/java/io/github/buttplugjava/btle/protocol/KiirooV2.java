package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Kiiroo v2 (Fleshlight Launch, Onyx 2): init {@code firmware[00]} with response; a move is
 * {@code tx[position speed]} without response, the speed (0-99) from the Launch curve for the
 * distance from the previous position over the duration.
 */
final class KiirooV2 implements ProtocolHandler {

    private int previousPosition;

    @Override
    public CompletableFuture<Void> initialize(HardwareIo io) {
        return io.write(Endpoint.FIRMWARE, Frames.bytes(0x00), true);
    }

    @Override
    public List<HardwareCommand> positionWithDuration(int featureIndex, int position, long durationMs) {
        int speed = LaunchSpeed.speedByte(previousPosition, position, durationMs);
        previousPosition = position & 0xff;
        return Frames.feature(featureIndex, Endpoint.TX, false, position, speed);
    }
}
