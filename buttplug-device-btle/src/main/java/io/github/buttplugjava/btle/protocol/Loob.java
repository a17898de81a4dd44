package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Loob: init {@code tx[00 01 01 f4]} with response; move {@code tx[pos_hi pos_lo time_hi time_lo]}
 * (position 1..1000, time at least 1 ms, big-endian), without response.
 */
final class Loob implements ProtocolHandler {
    @Override
    public CompletableFuture<Void> initialize(HardwareIo io) {
        return io.write(Endpoint.TX, Frames.bytes(0x00, 0x01, 0x01, 0xf4), true);
    }

    @Override
    public List<HardwareCommand> positionWithDuration(int featureIndex, int position, long durationMs) {
        int pos = Math.max(Math.min(position & 0xffff, 1000), 1);
        int time = Math.max((int) (durationMs & 0xffff), 1);
        return Frames.feature(featureIndex, Endpoint.TX, false, pos >> 8, pos, time >> 8, time);
    }
}
