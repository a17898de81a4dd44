package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Sexverse v2: init {@code tx[aa 04]}; vibrate and oscillate {@code tx[aa 03 01 feature+1 64 s]}; all with response. */
final class SexverseV2 implements ProtocolHandler {
    @Override
    public CompletableFuture<Void> initialize(HardwareIo io) {
        return io.write(Endpoint.TX, Frames.bytes(0xaa, 0x04), true);
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, true, 0xaa, 0x03, 0x01, featureIndex + 1, 0x64, speed);
    }

    @Override
    public List<HardwareCommand> oscillate(int featureIndex, int speed) {
        return vibrate(featureIndex, speed);
    }
}
